"""Checker for `measure-first`: builds the blocks in the student's process.

drive() makes `count` deterministic blocks of `sizeKb` KB each (rotations of
one random buffer, cheap to build) and calls fingerprints(blocks, workers).
The blocks are real bytes objects living in the student's process, so any
worker process has to receive them somehow: that cost is part of the lesson.
"""
import random


def make_blocks(count, size, seed):
    base = random.Random(seed).randbytes(size)
    blocks = []
    for i in range(count):
        cut = (i * 104729) % size if size else 0
        blocks.append(base[cut:] + base[:cut])
    return blocks


def drive(solution, params):
    blocks = make_blocks(params["count"], params["sizeKb"] * 1024, params.get("seed", 7))
    digests = solution.fingerprints(blocks, params["workers"])
    return list(digests)
