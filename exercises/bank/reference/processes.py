"""A process-ready variant: shared memory and multiprocessing locks.

If the accounts had to be shared by several processes, the balances would
live in shared memory (multiprocessing.Array) and each account would get a
multiprocessing.Lock (a semaphore the kernel shares between processes),
still taken in index order. It is correct, and it works with threads too —
but every operation now pays a system call for a few additions, and nothing
here is CPU-heavy enough to gain from more cores. This is why processes do
not fit this problem.
"""
import multiprocessing
from contextlib import ExitStack


class Bank:
    def __init__(self, balances):
        self._balances = multiprocessing.Array("q", list(balances), lock=False)
        self._locks = [multiprocessing.Lock() for _ in range(len(balances))]

    def transfer(self, src, dst, amount):
        first, second = (src, dst) if src <= dst else (dst, src)
        with self._locks[first]:
            if first == second:
                return self._balances[src] >= amount
            with self._locks[second]:
                if self._balances[src] < amount:
                    return False
                self._balances[src] -= amount
                self._balances[dst] += amount
                return True

    def balance(self, i):
        with self._locks[i]:
            return self._balances[i]

    def total(self):
        with ExitStack() as stack:
            for lock in self._locks:
                stack.enter_context(lock)
            return sum(self._balances)
