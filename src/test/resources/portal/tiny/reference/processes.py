from concurrent.futures import ProcessPoolExecutor


def _part(bounds):
    lo, hi = bounds
    return sum(i * i for i in range(lo, hi))


def sum_squares(n, workers):
    step = max(1, -(-n // workers))
    parts = [(lo, min(n, lo + step)) for lo in range(0, n, step)]
    if workers == 1 or len(parts) <= 1:
        return sum(map(_part, parts))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return sum(pool.map(_part, parts))
