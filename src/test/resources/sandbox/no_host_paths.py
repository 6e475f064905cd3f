"""Gathers everything the sandbox can read that might name a host path (issue 11, finding 2)."""
import os
import sys


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read(1 << 20).decode("utf-8", "replace")
    except OSError as e:
        return type(e).__name__


def names(top):
    found = []
    for root, dirs, files in os.walk(top):
        found += [os.path.join(root, n) for n in dirs + files]
    return found


def run():
    seen = {p: read(p) for p in ("/proc/self/mountinfo", "/proc/self/mounts", "/proc/1/cmdline", "/proc/self/cmdline",
                                  "/proc/self/cgroup", "/proc/self/environ", "/proc/self/maps", "/proc/1/mountinfo")}
    for pid in (n for n in os.listdir("/proc") if n.isdigit()):
        seen["/proc/%s/cmdline" % pid] = read("/proc/%s/cmdline" % pid)
        seen["/proc/%s/cgroup" % pid] = read("/proc/%s/cgroup" % pid)
    seen["environ"] = repr(dict(os.environ))
    seen["sys"] = repr([sys.path, sys.argv, sys.executable, sys.prefix, os.getcwd(), __file__])
    seen["files"] = repr(names("/harness") + names("/solution") + names("/exercise") + names("/etc") + names("/tmp"))
    seen["etc"] = "".join(read(p) for p in names("/etc") if os.path.isfile(p))
    return seen
