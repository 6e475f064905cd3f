"""Checker for `pipeline`: a stream of orders and a slow quote service.

setup() runs in the trusted supervisor and starts the quote service: a tiny
HTTP/1.0 server on 127.0.0.1 answering every request after a fixed latency
(same server as many-waits: asyncio, one daemon thread). drive() runs in the
student's process: it hands run_pipeline a *generator* of orders that arrive
one by one (a stream, length unknown in advance), then checks the shutdown:
no thread or process the solution started may still be alive afterwards.
teardown() stops the service.
"""
import asyncio
import hashlib
import multiprocessing
import threading
import time

CUSTOMERS = ["ada", "brian", "chen", "dana", "emil", "farah", "goran"]
GRACE_SECONDS = 0.5
_service = None


def price_for(path):
    """Unit price in cents of the order in /quote/<id>."""
    return 100 + int(hashlib.sha256(path.encode()).hexdigest()[:6], 16) % 9900


def arriving_orders(count, gap):
    """The order stream: (order_id, customer, quantity), one every `gap` seconds."""
    for i in range(count):
        time.sleep(gap)
        yield i, CUSTOMERS[(i * 5 + i // 3) % len(CUSTOMERS)], 1 + (i * 7) % 5


class SlowService:
    def __init__(self, latency):
        self.latency = latency
        self.loop = asyncio.new_event_loop()
        self.server = self.loop.run_until_complete(
            asyncio.start_server(self.handle, "127.0.0.1", 0, backlog=1024))
        self.port = self.server.sockets[0].getsockname()[1]
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True,
                                       name="pipeline-quote-service")
        self.thread.start()

    async def handle(self, reader, writer):
        try:
            request = await reader.readuntil(b"\r\n\r\n")
            path = request.split(b" ", 2)[1].decode()
            await asyncio.sleep(self.latency)
            body = f"{price_for(path)}\n".encode()
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
    return {"service": f"http://127.0.0.1:{_service.port}", "count": params["count"],
            "gapMs": params.get("gapMs", 1), "workers": params["workers"]}


def _leftovers(threads_before):
    threads = [t for t in threading.enumerate() if t not in threads_before and t.is_alive()]
    return threads, multiprocessing.active_children()


def drive(solution, params):
    threads_before = set(threading.enumerate())
    orders = arriving_orders(params["count"], params["gapMs"] / 1000)
    totals = solution.run_pipeline(orders, params["service"], params["workers"])
    deadline = time.monotonic() + GRACE_SECONDS
    threads, processes = _leftovers(threads_before)
    while (threads or processes) and time.monotonic() < deadline:
        time.sleep(0.02)
        threads, processes = _leftovers(threads_before)
    return {"totals": totals,
            "threadsLeftRunning": sorted(t.name for t in threads),
            "processesLeftRunning": len(processes)}


def teardown(ctx):
    global _service
    if _service is not None:
        _service.stop()
        _service = None
