"""Which interpreter runs this, and which of the given installation prefixes the run can see."""
import os
import sys


def run(prefixes):
    return {"executable": os.path.realpath(sys.executable),
            "gil": sys._is_gil_enabled() if hasattr(sys, "_is_gil_enabled") else True,
            "visible": {p: os.path.exists(p) for p in prefixes}}
