"""Checker for `many-waits`: a slow service that can hold hundreds of waits.

Everything here runs in the trusted supervisor, never in the student's process
(which cannot read this file). setup() starts a tiny HTTP/1.0 server on
127.0.0.1 (the sandbox has loopback only) whose every answer comes after a
fixed latency: the harness's local_service, asyncio in ONE daemon thread, so a
hundred open connections cost the sandbox no extra threads (the process limit
counts threads). Every number is salted with the grading's secret, so it
cannot be known without asking; verify() checks each returned number against
the one served and hands on the salt-free number, which the server compares
with the sequential reference's. teardown() stops the server.
"""
import hashlib

from local_service import SlowService, by_path, served

_service = None


def number_for(path, salt=None):
    key = path.encode() if salt is None else salt.encode() + b"\0" + path.encode()
    return int(hashlib.sha256(key).hexdigest()[:6], 16)


def setup(params, ctx):
    global _service
    _service = SlowService(params["latencyMs"] / 1000, lambda path: f"{number_for(path, ctx.secret)}\n".encode(),
                           name="many-waits-service", content_type="text/plain")
    return {"urls": [f"{_service.base}/service/{i:04d}" for i in range(params["count"])],
            "workers": params["workers"]}


def verify(value, params, ctx):
    answers = by_path(params["urls"], value, "/service/", "check_all")
    paths = [f"/service/{i:04d}" for i in range(len(params["urls"]))]
    return served(answers, {p: number_for(p, ctx.secret) for p in paths}, {p: number_for(p) for p in paths},
                  "the number served for this path")


def teardown(ctx):
    global _service
    if _service is not None:
        _service.stop()
        _service = None
