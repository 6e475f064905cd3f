"""Fetch and crunch: the starting point.

Correct but sequential: download a page, crunch it, next page; `workers`
is ignored. Keep fetch() and crunch() as they are.
"""
import urllib.request


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
    return {url: crunch(fetch(url)) for url in urls}
