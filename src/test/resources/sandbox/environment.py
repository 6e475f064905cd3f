import glob
import os

def run():
    seen = {}
    for path in glob.glob("/proc/*/environ"):
        try:
            with open(path, "rb") as f:
                seen[path] = f.read().decode("utf-8", "replace")
        except OSError as e:
            seen[path] = type(e).__name__
    return {"environ": dict(os.environ), "proc": seen}
