"""Finding (5): patch what an in-process checker relies on.

At import it makes time.sleep a no-op (to outrun the order stream's pacing), hides its threads and processes
from threading.enumerate and multiprocessing.active_children, and disables sys.setswitchinterval. Then it
prices the orders correctly but leaves a thread and a process running. The secure grader: the stream is
paced by the server, the leftovers are counted by the supervisor from /proc."""
import multiprocessing
import sys
import threading
import time
import urllib.request

real_sleep = time.sleep
time.sleep = lambda seconds: None
threading.enumerate = lambda: [threading.main_thread()]
multiprocessing.active_children = lambda: []
sys.setswitchinterval = lambda interval: None


def linger():
    real_sleep(30)


def run_pipeline(orders, service, workers):
    threading.Thread(target=linger, daemon=True, name="hidden").start()
    multiprocessing.Process(target=linger, daemon=True).start()
    totals = {}
    for order_id, customer, quantity in orders:
        with urllib.request.urlopen(f"{service}/quote/{order_id}", timeout=10) as response:
            totals[customer] = totals.get(customer, 0) + quantity * int(response.read())
    return totals
