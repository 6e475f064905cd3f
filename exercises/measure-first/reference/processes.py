"""Processes reference: correct, but it pays for the payload.

Every block (megabytes) is pickled, pushed through a pipe and unpickled in a
worker, and every worker process costs start-up time and memory. The hashing
runs in parallel, but the copying eats much of the gain.
"""
import hashlib
from concurrent.futures import ProcessPoolExecutor

ROUNDS = 8


def fingerprint(block):
    """SHA-256 of the block, chained ROUNDS times; hex."""
    digest = b""
    for _ in range(ROUNDS):
        h = hashlib.sha256(digest)
        h.update(block)
        digest = h.digest()
    return digest.hex()


def fingerprints(blocks, workers):
    if workers <= 1 or len(blocks) <= 1:
        return [fingerprint(block) for block in blocks]
    with ProcessPoolExecutor(max_workers=min(workers, len(blocks))) as pool:
        return list(pool.map(fingerprint, blocks))
