"""Checker for `downloads`: a slow local web server for the student's code.

setup() runs in the trusted supervisor before the student's process starts:
it serves deterministic bodies from 127.0.0.1 (the sandbox has loopback
only), answering every request after a fixed latency, and hands the student
the list of URLs. drive() calls fetch_all in the student's process and strips
the server's address from the keys: the port is picked fresh for every run,
so only the paths can be compared with the reference's answer. teardown()
stops the server.
"""
import hashlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

_server = None


def body_for(path):
    """Deterministic body for a path: 300 bytes to ~8 KB of text."""
    seed = hashlib.sha256(path.encode()).hexdigest()
    size = 300 + int(seed[:8], 16) % 7900
    return (seed * (size // 64 + 1))[:size].encode()


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        time.sleep(self.server.latency)
        body = body_for(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # keep the supervisor's output clean
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256   # the default backlog (5) drops bursts of connects


def setup(params, ctx):
    global _server
    _server = _Server(("127.0.0.1", 0), _Handler)
    _server.latency = params["latencyMs"] / 1000
    threading.Thread(target=_server.serve_forever, daemon=True, name="downloads-server").start()
    base = f"http://127.0.0.1:{_server.server_address[1]}"
    urls = [f"{base}/files/{i:04d}.txt" for i in range(params["count"])]
    return {"urls": urls, "workers": params["workers"]}


def drive(solution, params):
    urls = params["urls"]
    result = solution.fetch_all(urls, params["workers"])
    if not isinstance(result, dict):
        raise TypeError(f"fetch_all must return a dict, not {type(result).__name__}")
    base = urls[0].split("/files/")[0] if urls else ""
    return {(k[len(base):] if isinstance(k, str) and k.startswith(base) else k): v
            for k, v in result.items()}


def teardown(ctx):
    global _server
    if _server is not None:
        _server.shutdown()
        _server.server_close()
        _server = None
