import asyncio
import concurrent.futures
import multiprocessing as mp
import threading
import time
from multiprocessing import shared_memory


def square(x):
    return x * x


def slow_square(x):
    time.sleep(0.1)  # long enough for the sampler to see both workers alive, under any load
    return x * x


def pool(method):
    with mp.get_context(method).Pool(2) as p:
        return p.map(slow_square, range(6), chunksize=1)


def process_pool_executor():
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as ex:
        return sorted(ex.map(square, range(6)))


def _producer(q, start):
    for i in range(start, start + 5):
        q.put(i)


def queue():
    q = mp.Queue()
    workers = [mp.Process(target=_producer, args=(q, s)) for s in (0, 100)]
    for w in workers:
        w.start()
    items = sorted(q.get(timeout=10) for _ in range(10))
    for w in workers:
        w.join()
    return items


def _add(counter, lock, sem, n):
    for _ in range(n):
        with sem:
            with lock:
                counter.value += 1


def lock_semaphore():
    counter = mp.Value("i", 0, lock=False)
    lock, sem = mp.Lock(), mp.Semaphore(2)
    workers = [mp.Process(target=_add, args=(counter, lock, sem, 500)) for _ in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return counter.value


def _fill(name):
    shm = shared_memory.SharedMemory(name=name)
    shm.buf[:5] = b"hello"
    shm.close()


def shared_mem():
    shm = shared_memory.SharedMemory(create=True, size=1024)
    try:
        w = mp.Process(target=_fill, args=(shm.name,))
        w.start()
        w.join()
        return bytes(shm.buf[:5]).decode()
    finally:
        shm.close()
        shm.unlink()


def thread_pool():
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as ex:
        return list(ex.map(lambda x: (time.sleep(0.2), x * 2)[1], range(8)))


def use_asyncio():
    async def one(i):
        await asyncio.sleep(0.1)
        return i

    async def main():
        return await asyncio.gather(*(one(i) for i in range(10)))

    return asyncio.run(main())


def hundred_threads():
    results = []
    lock = threading.Lock()

    def work(i):
        time.sleep(0.3)
        with lock:
            results.append(i)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(100)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return len(results)


def _burn(seconds):
    # burns `seconds` of this process's own CPU time, however busy the machine is
    end = time.process_time() + seconds
    n = 0
    while time.process_time() < end:
        n += 1
    return n > 0


def cpu_burn_two_processes():
    with mp.get_context("fork").Pool(2) as p:
        return p.map(_burn, [1.0, 1.0])


def cpu_threads_pool():
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as ex:
        return list(ex.map(_burn, [0.3] * 4))


def switch_interval():
    import sys
    return sys.getswitchinterval()


def types():
    return {"tuple": (1, 2), "set": {3, 1, 2}, 2: "int key", "nested": {"b": 1, "a": [1.5, None, True]}}


def sit(seconds):
    time.sleep(seconds)
    return seconds
