"""Processes reference: the same pipeline with multiprocessing.Queue.

Same shape as the threads version: the parent produces, N worker processes
price, the parent sums; sentinels shut the workers down, and they are joined
before returning. It works, but each worker is a process only to wait on a
socket, and every order and line is pickled through a pipe.
"""
import multiprocessing
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
    todo, done = multiprocessing.Queue(maxsize=4 * workers), multiprocessing.Queue()
    processes = [multiprocessing.Process(target=price_orders, args=(service, todo, done))
                 for _ in range(workers)]
    for p in processes:
        p.start()
    try:
        for order in orders:
            todo.put(order)
    finally:
        for _ in processes:
            todo.put(None)
    totals, finished = {}, 0
    while finished < workers:            # drain the results BEFORE joining: a child
        line = done.get()                # blocks on exit until its queue is flushed
        if line is None:
            finished += 1
        else:
            customer, cents = line
            totals[customer] = totals.get(customer, 0) + cents
    for p in processes:
        p.join()
    todo.close()
    done.close()
    return totals
