"""Review finding: undo the stress test's tiny switch interval inside the call itself (after the harness set it
again), then compute for a while, so that a race would hide. The harness sets it again every millisecond."""
import sys
import time


def run():
    sys.setswitchinterval(0.005)
    end = time.monotonic() + 0.2
    while time.monotonic() < end:
        pass
    return sys.getswitchinterval()
