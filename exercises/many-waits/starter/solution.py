"""Many waits: the starting point.

Correct but sequential: one request at a time, `workers` ignored. Two ways
to ask the service are provided: fetch_number (blocking, for threads) and
fetch_number_async (a coroutine, for asyncio). Use them as they are.
"""
import asyncio
import urllib.parse
import urllib.request


def fetch_number(url):
    """Blocking: GET url and return the integer in the body."""
    with urllib.request.urlopen(url, timeout=30) as response:
        return int(response.read())


async def fetch_number_async(url):
    """Coroutine: GET url over a plain asyncio connection, return the integer."""
    parts = urllib.parse.urlsplit(url)
    reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
    try:
        writer.write(f"GET {parts.path} HTTP/1.0\r\nHost: {parts.netloc}\r\n\r\n".encode())
        await writer.drain()
        response = await reader.read()          # HTTP/1.0: the server closes when done
    finally:
        writer.close()
        await writer.wait_closed()
    head, _, body = response.partition(b"\r\n\r\n")
    if not head.startswith(b"HTTP/1.0 200"):
        raise RuntimeError(f"{url}: {head[:40]!r}")
    return int(body)


def check_all(urls, workers):
    return {url: fetch_number(url) for url in urls}
