"""Bank: the starting point.

Correct with one thread, UNSAFE with several: transfer() reads a balance,
computes, and writes it back, and another thread can run in between (and
total() can see money that has left one account but not reached the other).
Make it safe and deadlock-free under many concurrent transfers.
"""


class Bank:
    def __init__(self, balances):
        self._balances = list(balances)

    def transfer(self, src, dst, amount):
        """Move `amount` from src to dst; False (and no change) if src has less."""
        if self.balance(src) < amount:
            return False
        self._set(src, self.balance(src) - amount)
        self._set(dst, self.balance(dst) + amount)
        return True

    def balance(self, i):
        return self._balances[i]

    def total(self):
        return sum(self._balances)

    def _set(self, i, value):
        self._balances[i] = value
