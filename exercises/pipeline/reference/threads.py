"""Threads reference: producer -> queue -> N quoting threads -> queue -> sink.

- The producer (this thread) reads the stream and puts orders on `todo`. A
  generator must only be read by one thread, and a queue hands the orders on
  safely; the bounded queue makes the producer wait if the workers fall
  behind (back-pressure).
- Each worker takes orders until it gets the sentinel None, puts priced
  lines on `done`, and then puts its own sentinel there.
- The sink (this thread again, after producing) adds up lines until it has
  seen one sentinel per worker, so it knows everything has arrived.
- Shutdown: one sentinel per worker, then join every worker before returning.
"""
import queue
import threading
import urllib.request


def quote(service, order_id):
    """Ask the quote service for an order's unit price in cents (slow: I/O)."""
    with urllib.request.urlopen(f"{service}/quote/{order_id}", timeout=30) as response:
        return int(response.read())


def price_orders(service, todo, done):
    while (order := todo.get()) is not None:
        order_id, customer, quantity = order
        done.put((customer, quantity * quote(service, order_id)))
    done.put(None)


def run_pipeline(orders, service, workers):
    workers = max(1, workers)
    todo, done = queue.Queue(maxsize=4 * workers), queue.Queue()
    threads = [threading.Thread(target=price_orders, args=(service, todo, done),
                                name=f"pricer-{i}") for i in range(workers)]
    for t in threads:
        t.start()
    totals = {}
    try:
        for order in orders:
            todo.put(order)
    finally:
        for _ in threads:
            todo.put(None)                # one sentinel per worker: everyone stops
    finished = 0
    while finished < workers:
        line = done.get()
        if line is None:
            finished += 1
        else:
            customer, cents = line
            totals[customer] = totals.get(customer, 0) + cents
    for t in threads:
        t.join()
    return totals
