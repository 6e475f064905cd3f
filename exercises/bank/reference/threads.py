"""Threads reference: one lock per account, always taken in the same order.

Transfers between different accounts no longer wait for each other. A
transfer needs both accounts' locks; taking them lowest index first means
no two threads can each hold one and wait for the other (no cycle, no
deadlock). total() takes every lock, in the same order, for a consistent
snapshot.
"""
import threading
from contextlib import ExitStack


class Bank:
    def __init__(self, balances):
        self._balances = list(balances)
        self._locks = [threading.Lock() for _ in self._balances]

    def transfer(self, src, dst, amount):
        first, second = (src, dst) if src <= dst else (dst, src)
        with self._locks[first]:
            if first == second:            # to itself: one lock, no change
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
