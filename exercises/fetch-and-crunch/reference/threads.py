"""Threads reference: `workers` threads, each fetching and crunching pages.

The downloads overlap (a waiting thread releases the GIL) but the crunching
is pure Python: it runs one thread at a time, so it stays serial.
"""
import urllib.request
from concurrent.futures import ThreadPoolExecutor


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


def fetch_and_crunch(url):
    return crunch(fetch(url))


def crunch_pages(urls, workers):
    if not urls:
        return {}
    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(urls)))) as pool:
        return dict(zip(urls, pool.map(fetch_and_crunch, urls)))
