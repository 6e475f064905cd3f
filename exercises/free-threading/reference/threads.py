"""Threads reference: chunks of the range handed out by a thread pool.

On the standard CPython the GIL lets one thread run bytecode at a time, so two
threads take as long as one (about 1.0 core busy). On the free-threaded build
(PEP 703) there is no GIL: the same code keeps two cores busy.
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
    # a local count, no shared state: nothing for the threads to contend on
    count = 0
    for n in range(start, stop):
        if is_prime(n):
            count += 1
    return count


def count_primes(limit, workers):
    workers = max(1, workers)
    if limit <= 0:
        return 0
    step = -(-limit // (workers * CHUNKS_PER_WORKER))
    starts = list(range(0, limit, step))
    stops = [min(s + step, limit) for s in starts]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return sum(pool.map(count_range, starts, stops))
