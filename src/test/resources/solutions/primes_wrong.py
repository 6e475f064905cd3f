def count_primes(limit, workers):
    # Off by one: counts primes <= limit.
    from math import isqrt
    return sum(1 for n in range(2, limit + 1) if all(n % d for d in range(2, isqrt(n) + 1)))
