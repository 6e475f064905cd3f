"""Checker for `fetch-and-crunch`: a slow server of pages full of numbers.

setup() runs in the trusted supervisor: it starts a tiny HTTP/1.0 server on
127.0.0.1 (the sandbox has loopback only) whose every answer comes after a
fixed latency (same server as many-waits: asyncio, one daemon thread).
drive() calls the student's crunch_pages and strips the server's address
from the keys (the port changes on every run). teardown() stops it.
"""
import asyncio
import hashlib
import random
import threading

_service = None


NUMBERS_PER_PAGE = 300


def page_for(path):
    """A page: 300 numbers between 10**9 and 10**9 + 10**7, one per line."""
    rng = random.Random(hashlib.sha256(path.encode()).hexdigest())
    return "".join(f"{rng.randrange(10**9, 10**9 + 10**7)}\n" for _ in range(NUMBERS_PER_PAGE))


class SlowService:
    def __init__(self, latency):
        self.latency = latency
        self.loop = asyncio.new_event_loop()
        self.server = self.loop.run_until_complete(
            asyncio.start_server(self.handle, "127.0.0.1", 0, backlog=1024))
        self.port = self.server.sockets[0].getsockname()[1]
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True,
                                       name="fetch-and-crunch-service")
        self.thread.start()

    async def handle(self, reader, writer):
        try:
            request = await reader.readuntil(b"\r\n\r\n")
            path = request.split(b" ", 2)[1].decode()
            await asyncio.sleep(self.latency)
            body = page_for(path).encode()
            writer.write(b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n"
                         b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
            await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, IndexError):
            pass
        finally:
            writer.close()

    def stop(self):
        async def close():
            self.server.close()
            await self.server.wait_closed()
        asyncio.run_coroutine_threadsafe(close(), self.loop).result(5)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


def setup(params, ctx):
    global _service
    _service = SlowService(params["latencyMs"] / 1000)
    base = f"http://127.0.0.1:{_service.port}"
    return {"urls": [f"{base}/pages/{i:03d}.txt" for i in range(params["count"])],
            "workers": params["workers"]}


def drive(solution, params):
    urls = params["urls"]
    result = solution.crunch_pages(urls, params["workers"])
    if not isinstance(result, dict):
        raise TypeError(f"crunch_pages must return a dict, not {type(result).__name__}")
    base = urls[0].split("/pages/")[0] if urls else ""
    return {(k[len(base):] if isinstance(k, str) and k.startswith(base) else k): v
            for k, v in result.items()}


def teardown(ctx):
    global _service
    if _service is not None:
        _service.stop()
        _service = None
