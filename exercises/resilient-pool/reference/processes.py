"""Processes reference: a small supervisor over `workers` worker processes.

The parent keeps every worker busy and waits on all their pipes at once
(multiprocessing.connection.wait). An answer is recorded and the worker gets
the next task; end-of-file on a pipe means the worker died during its task:
that task is marked crashed and a fresh worker takes its place. This is what
ProcessPoolExecutor does NOT do (one dead worker breaks the whole pool and
fails every pending task) and what multiprocessing.Pool gets wrong (it
replaces the worker but the lost task's result never comes: map() hangs).
"""
import multiprocessing
import os
from multiprocessing.connection import wait

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
    if not tasks:
        return {"results": results, "failed": failed}
    todo = list(reversed(tasks))
    busy = {}                            # conn -> (worker, task)

    def give(worker):
        n = todo.pop()
        worker.send(n)
        busy[worker.conn] = (worker, n)

    for _ in range(max(1, min(workers, len(tasks)))):
        give(Worker())
    idle = []
    while busy:
        for conn in wait(list(busy)):
            worker, n = busy.pop(conn)
            outcome = worker.receive()
            record(outcome, n, results, failed)
            if outcome[0] == "crashed":
                worker = Worker() if todo else None
            if worker is None:
                continue
            if todo:
                give(worker)
            else:
                idle.append(worker)
    for worker in idle:
        worker.stop()
    return {"results": results, "failed": failed}
