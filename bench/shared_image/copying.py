"""shared-image solved by copying: slices of the image through the pool's pipes, and back.

Correct (same bytes as the sequential reference), and what a student writes first. Not a bundle
reference (reference names are fixed); bench/shared_image/run times it beside the references.
"""
from collections import Counter
from concurrent.futures import ProcessPoolExecutor


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


def _count(chunk):
    c = Counter(chunk)
    return [c.get(v, 0) for v in range(256)]


def _apply(chunk, table):
    return chunk.translate(table)


def equalise(pixels, workers):
    n = len(pixels)
    if n == 0:
        return
    step = -(-n // max(1, workers))
    chunks = [bytes(pixels[s:s + step]) for s in range(0, n, step)]       # copy 1: slices out of the image
    with ProcessPoolExecutor(max(1, workers)) as pool:
        hist = [sum(col) for col in zip(*pool.map(_count, chunks))]       # copy 2: every slice pickled to a worker
        table = equalisation_table(hist, n)
        pixels[:] = b"".join(pool.map(_apply, chunks, [table] * len(chunks)))  # copies 3-5: out again, back, joined
