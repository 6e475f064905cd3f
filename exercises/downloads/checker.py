"""Checker for `downloads`: a slow local web server for the student's code.

Everything here runs in the trusted supervisor, never in the student's process
(which cannot read this file). setup() serves bodies from 127.0.0.1 (the
sandbox has loopback only), answering every request after a fixed latency,
and hands the student the list of URLs. Every body is salted with the
grading's secret (ctx.secret), so its hash cannot be computed without
downloading it. verify() checks each returned hash against the body served
for that path and hands on a salt-free value (the hash of the unsalted body),
which the server compares with the sequential reference's. The port changes
on every run, so only paths are compared. teardown() stops the server.
"""
import hashlib

from local_service import SlowService, by_path, served

_service = None


def body_for(path, salt=None):
    """The body of a path: 300 bytes to ~8 KB of text, different under every salt."""
    key = path.encode() if salt is None else salt.encode() + b"\0" + path.encode()
    seed = hashlib.sha256(key).hexdigest()
    size = 300 + int(seed[:8], 16) % 7900
    return (seed * (size // 64 + 1))[:size].encode()


def setup(params, ctx):
    global _service
    _service = SlowService(params["latencyMs"] / 1000, lambda path: body_for(path, ctx.secret),
                           name="downloads-server")
    urls = [f"{_service.base}/files/{i:04d}.txt" for i in range(params["count"])]
    return {"urls": urls, "workers": params["workers"]}


def verify(value, params, ctx):
    answers = by_path(params["urls"], value, "/files/", "fetch_all")
    paths = [f"/files/{i:04d}.txt" for i in range(len(params["urls"]))]
    digest = lambda body: hashlib.sha256(body).hexdigest()
    return served(answers, {p: digest(body_for(p, ctx.secret)) for p in paths},
                  {p: digest(body_for(p)) for p in paths}, "the SHA-256 of the body served for this path")


def teardown(ctx):
    global _service
    if _service is not None:
        _service.stop()
        _service = None
