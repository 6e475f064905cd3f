"""Finding (5), the stress test: undo the tiny switch interval at import (set it back to 5 ms, then disable
sys.setswitchinterval), so that a race would hide. The secure grader sets the interval again, after the
import, with the function it saved before any of the student's code ran."""
import sys

sys.setswitchinterval(0.005)
sys.setswitchinterval = lambda interval: None


def run():
    return sys.getswitchinterval()
