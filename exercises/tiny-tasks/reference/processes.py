"""Processes reference: send ranges, not items.

Each task is (start, stop): two ints to pickle, however many items the range
holds, and one int comes back. A few chunks per worker, so a worker that
started late can still pick up a share. Below a threshold the pool costs
more than the whole job, so small inputs are done right here.
"""
from concurrent.futures import ProcessPoolExecutor

CHUNKS_PER_WORKER = 4
WORTH_A_POOL = 200_000


def score(i):
    return (i * 2654435761) % 4294967296 % 1000


def score_range(start, stop):
    return sum(score(i) for i in range(start, stop))


def total_score(n, workers):
    if workers <= 1 or n < WORTH_A_POOL:
        return score_range(0, n)
    step = -(-n // (workers * CHUNKS_PER_WORKER))
    starts = list(range(0, n, step))
    stops = [min(s + step, n) for s in starts]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return sum(pool.map(score_range, starts, stops))
