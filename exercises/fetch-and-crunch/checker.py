"""Checker for `fetch-and-crunch`: a slow server of pages full of numbers.

Everything here runs in the trusted supervisor, never in the student's process
(which cannot read this file). setup() starts a tiny HTTP/1.0 server on
127.0.0.1 (the sandbox has loopback only) whose every answer comes after a
fixed latency (the harness's local_service: asyncio, one daemon thread).
Every page is drawn with the grading's secret, so its count of primes cannot
be known without downloading it; verify() checks each returned count against
the page served (a deterministic Miller-Rabin test, exact below 3.2e9 and a
few hundred times cheaper than the student's trial division) and hands on the
count of the unsalted page, which the server compares with the sequential
reference's. teardown() stops the server.
"""
import hashlib
import random

from local_service import SlowService, by_path, served

_service = None


NUMBERS_PER_PAGE = 300


def page_for(path, salt=None):
    """A page: 300 numbers between 10**9 and 10**9 + 10**7, one per line, different under every salt."""
    seed = hashlib.sha256(path.encode()).hexdigest() if salt is None else \
        hashlib.sha256(salt.encode() + b"\0" + path.encode()).hexdigest()
    rng = random.Random(seed)
    return "".join(f"{rng.randrange(10**9, 10**9 + 10**7)}\n" for _ in range(NUMBERS_PER_PAGE))


def is_prime(n):
    """Miller-Rabin with bases 2, 3, 5, 7: exact for every n below 3,215,031,751 (the pages stay below 1.01e9)."""
    if n < 2:
        return False
    for p in (2, 3, 5, 7):
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d, s = d // 2, s + 1
    for a in (2, 3, 5, 7):
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


def primes_on(page):
    return sum(1 for line in page.split() if is_prime(int(line)))


def setup(params, ctx):
    global _service
    _service = SlowService(params["latencyMs"] / 1000, lambda path: page_for(path, ctx.secret).encode(),
                           name="fetch-and-crunch-service", content_type="text/plain")
    return {"urls": [f"{_service.base}/pages/{i:03d}.txt" for i in range(params["count"])],
            "workers": params["workers"]}


def verify(value, params, ctx):
    answers = by_path(params["urls"], value, "/pages/", "crunch_pages")
    paths = [f"/pages/{i:03d}.txt" for i in range(len(params["urls"]))]
    return served(answers, {p: primes_on(page_for(p, ctx.secret)) for p in paths},
                  {p: primes_on(page_for(p)) for p in paths}, "the count of primes on the page served")


def teardown(ctx):
    global _service
    if _service is not None:
        _service.stop()
        _service = None
