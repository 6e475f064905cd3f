"""Checker for `pipeline`: a stream of orders and a slow quote service.

Everything here runs in the trusted supervisor, never in the student's process
(which cannot read this file). setup() starts the quote service, a tiny
HTTP/1.0 server on 127.0.0.1 answering every request after a fixed latency,
and the order stream on the same server: run_pipeline receives an iterator
whose orders arrive one by one from the server, paced by the server's clock (a
stream, length unknown in advance; patching time.sleep changes nothing). Order
ids and prices are salted with the grading's secret, so no quote can be asked
for before its order arrived. After the value arrived the supervisor looks in
/proc for threads and processes the solution left running (LEFTOVERS_GRACE);
verify() checks the totals against the orders and quotes served and hands on
the salt-free totals with those counts. teardown() stops the service.
"""
import hashlib

from local_service import STREAM_PARAM, SlowService

CUSTOMERS = ["ada", "brian", "chen", "dana", "emil", "farah", "goran"]
LEFTOVERS_GRACE = 0.5   # seconds a clean shutdown may take after run_pipeline returned
_service = None


def price_for(path, salt=None):
    """Unit price in cents of the order in /quote/<id>."""
    key = path.encode() if salt is None else salt.encode() + b"\0" + path.encode()
    return 100 + int(hashlib.sha256(key).hexdigest()[:6], 16) % 9900


def orders(count, salt=None):
    """The order stream: (order_id, customer, quantity); ids are 0, 1, … unsalted, unguessable salted."""
    def order_id(i):
        return i if salt is None else int(hashlib.sha256(f"{salt}\0order {i}".encode()).hexdigest()[:12], 16)
    return [(order_id(i), CUSTOMERS[(i * 5 + i // 3) % len(CUSTOMERS)], 1 + (i * 7) % 5) for i in range(count)]


def totals(stream, salt=None):
    out = {}
    for order_id, customer, quantity in stream:
        out[customer] = out.get(customer, 0) + quantity * price_for(f"/quote/{order_id}", salt)
    return out


def setup(params, ctx):
    global _service
    gap = params.get("gapMs", 1) / 1000
    ctx.orders = orders(params["count"], ctx.secret)
    _service = SlowService(params["latencyMs"] / 1000,
                           lambda path: f"{price_for(path, ctx.secret)}\n".encode(),
                           name="pipeline-quote-service", content_type="text/plain",
                           streams={"/orders": (ctx.orders, gap)})
    return {"orders": {STREAM_PARAM: _service.base + "/orders"}, "service": _service.base,
            "workers": params["workers"]}


def verify(value, params, ctx):
    if not isinstance(value, dict):
        raise TypeError(f"run_pipeline must return a dict, not {type(value).__name__}")
    salted, unsalted = totals(ctx.orders, ctx.secret), totals(orders(len(ctx.orders)))
    checked = {c: unsalted[c] if c in salted and got == salted[c]
               else "not the sum of quantity x quoted price over the orders served (got %s)" % str(got)[:40]
               for c, got in value.items()}
    left = ctx.leftovers
    return {"totals": checked,
            "threadsLeftRunning": left["threads"] if left["threads"] is not None else "unknown: your process ended by itself",
            "processesLeftRunning": left["processes"] if left["processes"] is not None else "unknown"}


def teardown(ctx):
    global _service
    if _service is not None:
        _service.stop()
        _service = None
