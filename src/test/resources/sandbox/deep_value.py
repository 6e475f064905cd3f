"""A value nested 5,000 deep, returned or written straight onto the result channel (issue 11, finding 6)."""
import json
import os
import sys


def run(how):
    value = []
    for _ in range(5000):
        value = [value]
    sys.setrecursionlimit(100_000)
    if how == "returned":
        return value
    # past the child's own checks: the result fd is on the child's command line
    with open("/proc/self/cmdline", "rb") as f:
        res_fd = int(f.read().split(b"\0")[5])
    os.write(res_fd, json.dumps({"kind": "ok", "value": value}).encode() + b"\n")
    os._exit(0)
