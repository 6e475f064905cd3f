"""Processes reference: many contiguous chunks handed out by a process pool.

Trial division gets dearer as n grows, so equal-sized ranges are not equal
work. Cutting the range into several chunks per worker and letting the pool
hand them out as workers become free keeps every core busy to the end.
Each task is just two ints, and the answer one int: almost nothing to pickle.
"""
from concurrent.futures import ProcessPoolExecutor

CHUNKS_PER_WORKER = 8


def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True


def count_range(start, stop):
    return sum(1 for n in range(start, stop) if is_prime(n))


def chunk_bounds(limit, chunks):
    step = -(-limit // chunks) if limit > 0 else 1
    starts = list(range(0, limit, step))
    return starts, [min(s + step, limit) for s in starts]


def count_primes(limit, workers):
    workers = max(1, workers)
    if workers == 1 or limit < 10_000:
        return count_range(0, limit)          # a pool would cost more than it saves
    starts, stops = chunk_bounds(limit, workers * CHUNKS_PER_WORKER)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return sum(pool.map(count_range, starts, stops))
