"""Hybrid reference: threads download, processes crunch, as a pipeline.

A thread pool keeps many downloads in flight (waiting costs no CPU); as each
page arrives it goes to a pool of `workers` processes for the CPU work. The
process pool is created FIRST: multiprocessing.Pool starts its workers right
away, before any downloading thread exists, so no fork copies a lock that
another thread was holding. A page is a few KB, cheap to pickle.
"""
import multiprocessing
import urllib.request
from concurrent.futures import ThreadPoolExecutor, as_completed

MAX_DOWNLOADS = 16


def fetch(url):
    """Download one page (I/O: mostly waiting for the server)."""
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode()


def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True


def crunch(page):
    """How many of the page's numbers are prime (CPU: pure Python)."""
    return sum(1 for line in page.split() if is_prime(int(line)))


def crunch_pages(urls, workers):
    if not urls:
        return {}
    with multiprocessing.Pool(processes=max(1, min(workers, len(urls)))) as crunchers, \
            ThreadPoolExecutor(max_workers=min(MAX_DOWNLOADS, len(urls))) as downloads:
        pending = {downloads.submit(fetch, url): url for url in urls}
        counts = {}
        for done in as_completed(pending):
            counts[pending[done]] = crunchers.apply_async(crunch, (done.result(),))
        return {url: counts[url].get() for url in urls}
