"""Downloads: the starting point.

Correct but sequential: every request waits for the previous one, and
`workers` is ignored. Make it download with `workers` concurrent workers.
"""
import hashlib
import urllib.request


def fetch(url):
    """Download one URL and return the SHA-256 hex digest of its body."""
    with urllib.request.urlopen(url, timeout=30) as response:
        return hashlib.sha256(response.read()).hexdigest()


def fetch_all(urls, workers):
    return {url: fetch(url) for url in urls}
