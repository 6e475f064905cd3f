"""Processes reference: works, but a process per wait is the dearest tool.

Each worker is a whole interpreter; the pool is capped at 8 of them (memory,
start-up, the process limit), so at most 8 waits overlap.
"""
import urllib.request
from concurrent.futures import ProcessPoolExecutor

MAX_PROCESSES = 8


def fetch_number(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return int(response.read())


def check_all(urls, workers):
    if not urls:
        return {}
    size = max(1, min(workers, MAX_PROCESSES, len(urls)))
    with ProcessPoolExecutor(max_workers=size) as pool:
        return dict(zip(urls, pool.map(fetch_number, urls, chunksize=4)))
