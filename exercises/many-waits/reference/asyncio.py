"""asyncio reference: one thread, up to `workers` requests in flight.

Every request is a coroutine; while it awaits the network the event loop
runs the others. A semaphore caps how many are in flight at once. A hundred
waits cost a hundred small coroutine objects, not a hundred threads.
"""
import asyncio
import urllib.parse


async def fetch_number_async(url):
    parts = urllib.parse.urlsplit(url)
    reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
    try:
        writer.write(f"GET {parts.path} HTTP/1.0\r\nHost: {parts.netloc}\r\n\r\n".encode())
        await writer.drain()
        response = await reader.read()
    finally:
        writer.close()
        await writer.wait_closed()
    head, _, body = response.partition(b"\r\n\r\n")
    if not head.startswith(b"HTTP/1.0 200"):
        raise RuntimeError(f"{url}: {head[:40]!r}")
    return int(body)


async def check_many(urls, workers):
    in_flight = asyncio.Semaphore(max(1, workers))

    async def one(url):
        async with in_flight:
            return await fetch_number_async(url)

    numbers = await asyncio.gather(*(one(url) for url in urls))
    return dict(zip(urls, numbers))


def check_all(urls, workers):
    return asyncio.run(check_many(urls, workers))
