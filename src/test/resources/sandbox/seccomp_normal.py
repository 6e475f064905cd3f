# Positive control beside the seccomp fixtures: an ordinary program using what the filter must leave alone.
import asyncio
import concurrent.futures
import multiprocessing as mp
import os
import threading
from multiprocessing import shared_memory


def square(x):
    return x * x


def run():
    out = {}
    for method in ("fork", "spawn", "forkserver"):
        with mp.get_context(method).Pool(2) as pool:
            out["pool_" + method] = pool.map(square, range(5))
    with concurrent.futures.ThreadPoolExecutor(4) as ex:
        out["threads"] = sorted(ex.map(square, range(5)))
    seen = []
    t = threading.Thread(target=seen.append, args=(1,))
    t.start()
    t.join()
    out["thread"] = seen
    pid = os.fork()
    if pid == 0:
        os._exit(7)
    out["fork_exit"] = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])

    async def main():
        await asyncio.sleep(0.01)
        return "asyncio"
    out["asyncio"] = asyncio.run(main())
    shm = shared_memory.SharedMemory(create=True, size=16)
    try:
        shm.buf[:5] = b"hello"
        out["shared_memory"] = bytes(shm.buf[:5]).decode()
    finally:
        shm.close()
        shm.unlink()
    q = mp.get_context("spawn").Queue()
    q.put("queued")
    out["queue"] = q.get(timeout=5)
    return out
