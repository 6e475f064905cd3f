"""shared-image with the histogram in a Manager dict: one round trip to the manager per grey level per slice.

The pixels are shared as in the processes reference (RawArray); only the histogram goes through a
Manager, to show what a proxy costs even for 256 counters. bench/shared_image/run times it.
"""
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Manager, RawArray

import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from copying import equalisation_table  # noqa: E402

_pixels = None
_hist = None
_lock = None


def _attach(pixels, hist, lock):
    global _pixels, _hist, _lock
    _pixels, _hist, _lock = memoryview(pixels).cast("B"), hist, lock


def _count(start, stop):
    for v, c in Counter(_pixels[start:stop]).items():
        with _lock:
            _hist[v] = _hist.get(v, 0) + c        # two round trips to the manager process, under its lock


def _apply(start, stop, table):
    part = _pixels[start:stop]
    part[:] = part.tobytes().translate(table)


def equalise(pixels, workers):
    n = len(pixels)
    if n == 0:
        return
    shared = RawArray("B", n)
    view = memoryview(shared).cast("B")
    view[:] = pixels
    step = -(-n // workers)
    starts = list(range(0, n, step))
    stops = [min(s + step, n) for s in starts]
    with Manager() as manager:
        hist, lock = manager.dict(), manager.Lock()
        with ProcessPoolExecutor(workers, initializer=_attach, initargs=(shared, hist, lock)) as pool:
            list(pool.map(_count, starts, stops))
            table = equalisation_table([hist.get(v, 0) for v in range(256)], n)
            list(pool.map(_apply, starts, stops, [table] * len(starts)))
    pixels[:] = view
    view.release()
