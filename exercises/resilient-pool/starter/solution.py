"""Resilient pool: the starting point.

Correct but sequential: the tasks run one at a time in a single worker
process, which is replaced whenever a task kills it. `workers` is ignored.
Keep work() as it is. Make run_all use `workers` worker processes and still
survive the crashes.
"""
import multiprocessing
import os

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


def run_all(tasks, workers):
    results, failed = {}, {}
    worker = Worker()
    for n in tasks:
        worker.send(n)
        outcome = worker.receive()
        record(outcome, n, results, failed)
        if outcome[0] == "crashed":
            worker = Worker()            # the old one is dead: start a fresh one
    worker.stop()
    return {"results": results, "failed": failed}
