"""Threads reference: one thread per worker process.

The tasks still run in processes (only a process boundary survives
os._exit), but each worker is looked after by its own thread, which hands it
the next task and waits for the answer. The threads mostly wait on pipes,
so the GIL is no obstacle; a crash only costs its own thread a fresh worker.
Replacements are forked while other threads run: that is safe here only
because a worker runs nothing but serve() and touches no lock the parent's
threads use (see fetch-and-crunch for the general trap).
"""
import multiprocessing
import os
import queue
import threading

STEPS = 60_000


def work(n):
    """One task. Some raise an exception, some kill their whole process."""
    if n % 13 == 7:
        raise ValueError(f"task {n}: bad input")
    if n % 17 == 11:
        os._exit(3)                      # no exception, no cleanup: the process is gone
    x = n
    for _ in range(STEPS):
        x = (x * 1103515245 + 12345) % 2147483648
    return x


def serve(conn):
    """A worker process: run the tasks that arrive on conn until told to stop."""
    while True:
        n = conn.recv()
        if n is None:
            break
        try:
            conn.send(("ok", work(n)))
        except Exception as e:           # an exception is a message, the worker lives on
            conn.send(("error", type(e).__name__))
    conn.close()


class Worker:
    """One worker process and our end of its pipe."""

    def __init__(self):
        self.conn, child_end = multiprocessing.Pipe()
        self.process = multiprocessing.Process(target=serve, args=(child_end,), daemon=True)
        self.process.start()
        child_end.close()                # so that EOF is seen when the worker dies

    def send(self, n):
        self.conn.send(n)

    def receive(self):
        """("ok", value) | ("error", exception name) | ("crashed", exit code)."""
        try:
            return self.conn.recv()
        except (EOFError, ConnectionError):
            self.process.join()
            self.conn.close()
            return ("crashed", self.process.exitcode)

    def stop(self):
        try:
            self.conn.send(None)
        except (BrokenPipeError, OSError):
            pass
        self.process.join(5)
        self.conn.close()


def record(outcome, n, results, failed):
    status, value = outcome
    if status == "ok":
        results[str(n)] = value
    else:
        failed[str(n)] = "error" if status == "error" else "crashed"


def babysit(todo, results, failed, lock):
    worker = Worker()
    try:
        while True:
            try:
                n = todo.get_nowait()
            except queue.Empty:
                return
            worker.send(n)
            outcome = worker.receive()
            with lock:
                record(outcome, n, results, failed)
            if outcome[0] == "crashed":
                worker = Worker()
    finally:
        worker.stop()


def run_all(tasks, workers):
    results, failed = {}, {}
    if not tasks:
        return {"results": results, "failed": failed}
    todo = queue.Queue()
    for n in tasks:
        todo.put(n)
    lock = threading.Lock()
    threads = [threading.Thread(target=babysit, args=(todo, results, failed, lock))
               for _ in range(max(1, min(workers, len(tasks))))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {"results": results, "failed": failed}
