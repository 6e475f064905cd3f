"""Processes reference: `workers` processes, each fetching and crunching pages.

The crunching now runs on several cores, but each process still sits idle
while its own download waits: with 2 workers only 2 downloads overlap.
"""
import urllib.request
from concurrent.futures import ProcessPoolExecutor


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
    with ProcessPoolExecutor(max_workers=max(1, min(workers, len(urls)))) as pool:
        return dict(zip(urls, pool.map(fetch_and_crunch, urls)))
