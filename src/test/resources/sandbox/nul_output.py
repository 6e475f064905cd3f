"""A correct solution that prints NUL and other control characters (issue 11, finding 7)."""
import sys


def add(a, b):
    print("\0 and an escape \x1b[31m red")
    sys.stderr.write("\0\x07")
    return {"sum": a + b, "text\0": "x\0y\x7f\x85", "surrogate": "\ud800"}
