"""The slow local HTTP service that the harness offers exercises' checkers.

A checker's setup() (in the trusted supervisor) starts one; the student's code gets
its URLs; teardown() stops it. It is a tiny HTTP/1.0 server on 127.0.0.1 (the
sandbox has loopback only) that answers every request after a fixed latency, in ONE
daemon thread running asyncio, so a hundred open connections cost the sandbox no
extra tasks (the pids limit counts threads). It lives in the supervisor, a process
the student's code cannot trace or read, and counts what it saw: requests, and the
most requests in flight at once (the behaviour evidence of I/O exercises). It can
also serve a paced stream of items (the pipeline's orders), so that pacing is the
server's clock, not the student's. The student's process imports this file only
for `stream_items`, the client of such a stream; nothing here is secret.
"""
import asyncio
import json
import socket
import threading
import time
import urllib.parse

STREAM_PARAM = "__stream__"   # a param {"__stream__": url} reaches the student's code as an iterator
_services = []                # every service started in this process, for evidence()


class SlowService:
    """Answers GET <path> with answer(path) (bytes) after `latency` seconds; `streams` maps a path to
    (items, gap): JSON lines, item i sent (i + 1) * gap seconds after the stream was first opened."""

    def __init__(self, latency, answer, name="checker-service",
                 content_type="text/plain; charset=utf-8", streams=None):
        self.latency = latency
        self.answer = answer
        self.content_type = content_type.encode()
        self.streams = dict(streams or {})
        self.stream_opened = {}
        self.requests = 0
        self.in_flight = 0
        self.max_in_flight = 0
        self.loop = asyncio.new_event_loop()
        self.server = self.loop.run_until_complete(
            asyncio.start_server(self.handle, "127.0.0.1", 0, backlog=1024))
        self.port = self.server.sockets[0].getsockname()[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True, name=name)
        self.thread.start()
        _services.append(self)

    async def handle(self, reader, writer):
        counted = False
        try:
            request = await reader.readuntil(b"\r\n\r\n")
            path = request.split(b" ", 2)[1].decode()
            if path in self.streams:
                await self.stream(path, writer)
                return
            # Counted in the event loop's one thread: no lock needed.
            self.requests += 1
            self.in_flight += 1
            counted = True
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            await asyncio.sleep(self.latency)
            body = self.answer(path)
            writer.write(b"HTTP/1.0 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s"
                         % (self.content_type, len(body), body))
            await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, IndexError, UnicodeDecodeError):
            pass
        finally:
            if counted:
                self.in_flight -= 1
            writer.close()

    async def stream(self, path, writer):
        """The items of a stream, paced from its first opening: reconnecting gains nothing."""
        items, gap = self.streams[path]
        start = self.stream_opened.setdefault(path, time.monotonic())
        writer.write(b"HTTP/1.0 200 OK\r\nContent-Type: application/x-ndjson\r\n\r\n")
        for i, item in enumerate(items):
            wait = start + (i + 1) * gap - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            writer.write(json.dumps(item).encode() + b"\n")
            await writer.drain()

    def stop(self):
        async def close():
            self.server.close()
            await self.server.wait_closed()
        asyncio.run_coroutine_threadsafe(close(), self.loop).result(5)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


def evidence():
    """What the services of this run saw, or None when the checker started none."""
    if not _services:
        return None
    return {"requests": sum(s.requests for s in _services),
            "maxConcurrent": max(s.max_in_flight for s in _services)}


def stream_items(url):
    """The client of a paced stream (in the student's process): each JSON line as a tuple, as it arrives."""
    parts = urllib.parse.urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=60) as sock:
        sock.sendall(f"GET {parts.path} HTTP/1.0\r\nHost: {parts.netloc}\r\n\r\n".encode())
        with sock.makefile("rb") as lines:
            for line in lines:
                if line.strip() == b"":
                    break           # end of the response head
            for line in lines:
                yield tuple(json.loads(line))


def by_path(urls, result, marker, what):
    """The student's url -> answer dict keyed by path only: the port changes on every run, so only
    paths can be compared with the reference's answer. `marker` is where the path starts ("/files/")."""
    if not isinstance(result, dict):
        raise TypeError(f"{what} must return a dict, not {type(result).__name__}")
    base = urls[0].split(marker)[0] if urls else ""
    return {(k[len(base):] if isinstance(k, str) and k.startswith(base) else k): v
            for k, v in result.items()}


def served(answers, expected, unsalted, what):
    """The salt-free value of a per-path answer: the unsalted answer where the student's equals what this
    run served (`expected`: the salted answers), else a sentence saying it is not."""
    out = {}
    for key, got in answers.items():
        if key in expected and got == expected[key]:
            out[key] = unsalted[key]
        else:
            out[key] = "not %s (got %s)" % (what, json.dumps(got)[:60])
    return out
