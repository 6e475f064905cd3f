"""Threads reference: a thread pool, capped.

Each thread holds one wait at a time, and each costs a stack and a slot in
the sandbox's process/thread limit (64), so the pool is capped at 32 threads
however many workers are asked for.
"""
import urllib.request
from concurrent.futures import ThreadPoolExecutor

MAX_THREADS = 32


def fetch_number(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return int(response.read())


def check_all(urls, workers):
    if not urls:
        return {}
    with ThreadPoolExecutor(max_workers=max(1, min(workers, MAX_THREADS, len(urls)))) as pool:
        return dict(zip(urls, pool.map(fetch_number, urls)))
