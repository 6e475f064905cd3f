"""Threads reference: ranges per thread. Cheap to hand out, but the GIL runs
one thread at a time, so no faster than sequential."""
from concurrent.futures import ThreadPoolExecutor


def score(i):
    return (i * 2654435761) % 4294967296 % 1000


def score_range(start, stop):
    return sum(score(i) for i in range(start, stop))


def total_score(n, workers):
    workers = max(1, workers)
    step = max(1, -(-n // workers))
    starts = list(range(0, n, step))
    stops = [min(s + step, n) for s in starts]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return sum(pool.map(score_range, starts, stops))
