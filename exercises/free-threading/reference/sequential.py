"""Sequential reference: the correctness oracle and the speed-up base."""


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


def count_primes(limit, workers=1):
    return sum(1 for n in range(limit) if is_prime(n))
