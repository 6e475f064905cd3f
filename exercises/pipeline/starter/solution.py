"""Pipeline: the starting point.

Correct but sequential: take an order, wait for its quote, add it up, take
the next. `workers` is ignored. Keep quote() as it is.
"""
import urllib.request


def quote(service, order_id):
    """Ask the quote service for an order's unit price in cents (slow: I/O)."""
    with urllib.request.urlopen(f"{service}/quote/{order_id}", timeout=30) as response:
        return int(response.read())


def run_pipeline(orders, service, workers):
    """orders: an iterable of (order_id, customer, quantity), arriving over time.
    Returns {customer: total cents} where an order costs quantity * quote."""
    totals = {}
    for order_id, customer, quantity in orders:
        totals[customer] = totals.get(customer, 0) + quantity * quote(service, order_id)
    return totals
