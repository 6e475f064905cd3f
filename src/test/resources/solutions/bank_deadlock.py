"""A bank with one lock per account, taken in (source, destination) order: A->B and B->A deadlock."""
import threading


class Bank:
    def __init__(self, balances):
        self._balances = list(balances)
        self._locks = [threading.Lock() for _ in balances]

    def transfer(self, src, dst, amount):
        with self._locks[src]:
            if src == dst:
                return self._balances[src] >= amount
            with self._locks[dst]:
                if self._balances[src] < amount:
                    return False
                self._balances[src] -= amount
                self._balances[dst] += amount
                return True

    def balance(self, i):
        with self._locks[i]:
            return self._balances[i]

    def total(self):
        return sum(self._balances)
