"""Threads reference: the same chunking with a thread pool.

Correct, and it shows the lesson: is_prime is pure Python bytecode, and the
GIL lets one thread run bytecode at a time, so two threads take as long as
one (CPU utilisation stays near 1.0 core).
"""
from concurrent.futures import ThreadPoolExecutor

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


def count_primes(limit, workers):
    workers = max(1, workers)
    if limit <= 0:
        return 0
    step = -(-limit // (workers * CHUNKS_PER_WORKER))
    starts = list(range(0, limit, step))
    stops = [min(s + step, limit) for s in starts]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return sum(pool.map(count_range, starts, stops))
