import urllib.request
from concurrent.futures import ThreadPoolExecutor


def fetch(url):
    with urllib.request.urlopen(url, timeout=5) as r:
        return r.read().decode()


def fetch_all(urls):
    with ThreadPoolExecutor(4) as ex:
        return dict(zip(urls, ex.map(fetch, urls)))
