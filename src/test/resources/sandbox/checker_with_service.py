"""Checker of a test I/O exercise (trusted): the harness's local_service answers each path."""
from local_service import SlowService, by_path

_service = None


def setup(params, ctx):
    global _service
    _service = SlowService(0.05, lambda path: path.upper().encode())
    return {"urls": [f"{_service.base}/item/{i}" for i in range(params["count"])]}


def drive(solution, params):
    return by_path(params["urls"], solution.fetch_all(params["urls"]), "/item/", "fetch_all")


def teardown(ctx):
    _service.stop()
