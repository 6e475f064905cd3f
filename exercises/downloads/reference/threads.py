"""Threads reference: a thread pool of `workers` threads.

A thread waiting on a socket releases the GIL, so while one waits for the
server the others send their requests: the waits overlap.
"""
import hashlib
import urllib.request
from concurrent.futures import ThreadPoolExecutor


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return hashlib.sha256(response.read()).hexdigest()


def fetch_all(urls, workers):
    if not urls:
        return {}
    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(urls)))) as pool:
        return dict(zip(urls, pool.map(fetch, urls)))
