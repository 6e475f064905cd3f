"""Tiny tasks: the starting point.

Correct but sequential: `workers` is ignored. Keep score() as it is; make
total_score use `workers` processes without drowning in overhead.
"""


def score(i):
    """A tiny piece of work: a multiplicative hash of i, reduced to 0..999."""
    return (i * 2654435761) % 4294967296 % 1000


def total_score(n, workers):
    """sum(score(i) for i in range(n))"""
    return sum(score(i) for i in range(n))
