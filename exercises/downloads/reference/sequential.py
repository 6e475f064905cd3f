"""Sequential reference: one request after the other (count x latency)."""
import hashlib
import urllib.request


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return hashlib.sha256(response.read()).hexdigest()


def fetch_all(urls, workers=1):
    return {url: fetch(url) for url in urls}
