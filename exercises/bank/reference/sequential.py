"""Sequential reference: one lock around everything.

The simplest correct design: every operation holds the same lock, so they
happen one at a time (serialised) and no interleaving can be seen.
"""
import threading


class Bank:
    def __init__(self, balances):
        self._balances = list(balances)
        self._lock = threading.Lock()

    def transfer(self, src, dst, amount):
        with self._lock:
            if self._balances[src] < amount:
                return False
            self._balances[src] -= amount
            self._balances[dst] += amount
            return True

    def balance(self, i):
        with self._lock:
            return self._balances[i]

    def total(self):
        with self._lock:
            return sum(self._balances)
