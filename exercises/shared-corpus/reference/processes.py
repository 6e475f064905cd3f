"""Processes reference: the text in one shared-memory block, the workers read it from there.

The parent copies the text once into a SharedMemory block. Every worker attaches to the block
by its name when the pool starts it (the initializer), takes one private copy of the text out
of it (bytes.count needs a bytes object; a memcpy in each worker, side by side, not a pickle
through a pipe by the parent, one after the other) and closes it. The tasks are the words
alone, and the results are ints. The block is closed and unlinked in `finally`, whatever
happens. The same under every start method: nothing relies on fork's inheritance.
"""
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import shared_memory

SMALL = 1 << 20          # below this a pool costs more than the whole count

_text = None             # in each worker: its copy of the text, taken from the shared block


def _attach(name, size):
    global _text
    block = shared_memory.SharedMemory(name=name)
    try:
        _text = bytes(block.buf[:size])
    finally:
        block.close()


def _count(word):
    return _text.count(word)


def count_words(text, words, workers):
    workers = max(1, min(workers, len(words)))
    if workers == 1 or len(text) < SMALL:
        return [text.count(word) for word in words]
    block = shared_memory.SharedMemory(create=True, size=len(text))
    try:
        block.buf[:len(text)] = text                       # the one copy in
        chunk = max(1, len(words) // (workers * 4))
        with ProcessPoolExecutor(workers, initializer=_attach, initargs=(block.name, len(text))) as pool:
            return list(pool.map(_count, words, chunksize=chunk))
    finally:
        block.close()
        block.unlink()
