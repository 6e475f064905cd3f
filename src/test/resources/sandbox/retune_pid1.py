"""Blinds the sampler without tracing it: lowers pid 1's limits or priority (same uid, so the kernel allows it)."""
import os
import resource
import time


def run(how):
    if how == "prlimit":
        resource.prlimit(1, resource.RLIMIT_NOFILE, (4, 4))
    elif how == "nice":
        os.setpriority(os.PRIO_PROCESS, 1, 19)
    elif how == "affinity":
        os.sched_setaffinity(1, {min(os.sched_getaffinity(0))})
    time.sleep(0.3)
    return how
