from concurrent.futures import ThreadPoolExecutor


def _part(bounds):
    lo, hi = bounds
    return sum(i * i for i in range(lo, hi))


def sum_squares(n, workers):
    step = max(1, -(-n // workers))
    parts = [(lo, min(n, lo + step)) for lo in range(0, n, step)]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return sum(pool.map(_part, parts))
