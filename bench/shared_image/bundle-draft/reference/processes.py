"""Processes reference: the image in shared memory, the workers work on it in place.

The parent copies the pixels once into a shared block (multiprocessing.RawArray:
no lock, the workers write disjoint slices) and hands the block to every worker
when the pool starts (initializer), so each task is just two ints. Pass 1: every
worker counts its slice and adds its counts into one shared histogram
(multiprocessing.Array, with its lock: the adds of two workers would race).
Pass 2: every worker rewrites its slice through the table. The parent copies
the block back into the caller's bytearray. Nothing the size of the image goes
through a pipe.
"""
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Array, RawArray

SMALL = 1 << 20          # below this a pool costs more than it saves

_pixels = None           # in each worker: the shared block
_hist = None             # in each worker: the shared histogram (with its lock)


def equalisation_table(hist, n):
    cdf, total = [], 0
    for count in hist:
        total += count
        cdf.append(total)
    cdf_min = next((c for c in cdf if c), 0)
    span = n - cdf_min
    if span <= 0:
        return bytes(range(256))
    return bytes(((c - cdf_min) * 255 + span // 2) // span if c >= cdf_min else 0 for c in cdf)


def _attach(pixels, hist):
    global _pixels, _hist
    _pixels, _hist = memoryview(pixels).cast("B"), hist


def _count(start, stop):
    counts = Counter(_pixels[start:stop])
    with _hist.get_lock():                    # read-modify-write on shared ints: one worker at a time
        for v, c in counts.items():
            _hist[v] += c


def _apply(start, stop, table):
    part = _pixels[start:stop]
    part[:] = part.tobytes().translate(table)


def equalise(pixels, workers):
    n = len(pixels)
    workers = max(1, workers)
    if workers == 1 or n < SMALL:
        counts = Counter(pixels)
        table = equalisation_table([counts.get(v, 0) for v in range(256)], n)
        pixels[:] = bytes(pixels).translate(table)
        return
    shared = RawArray("B", n)
    view = memoryview(shared).cast("B")
    view[:] = pixels                          # the one copy in
    hist = Array("q", 256)                    # zeroed, with a lock
    step = -(-n // workers)
    starts = list(range(0, n, step))
    stops = [min(s + step, n) for s in starts]
    with ProcessPoolExecutor(workers, initializer=_attach, initargs=(shared, hist)) as pool:
        list(pool.map(_count, starts, stops))
        table = equalisation_table(hist[:], n)
        list(pool.map(_apply, starts, stops, [table] * len(starts)))
    pixels[:] = view                          # the one copy out
    view.release()
