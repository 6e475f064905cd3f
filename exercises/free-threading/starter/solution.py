"""Counting primes with threads: the starting point.

Correct but sequential: `workers` is accepted and ignored. Make it use
`workers` threads (see the statement). Keep is_prime as it is: the workload
is trial division on purpose.
"""


def is_prime(n):
    """Trial division by 2 and the odd numbers up to sqrt(n)."""
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


def count_primes(limit, workers):
    """How many primes are < limit."""
    return sum(1 for n in range(limit) if is_prime(n))
