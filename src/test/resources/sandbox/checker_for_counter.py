"""Checker of the test exercise (trusted): setup runs in the supervisor, drive in the child."""
import os


def setup(params, ctx):
    with open(os.path.join(ctx.data_dir, "n.txt")) as f:
        n = int(f.read())
    return {"n": n + params.get("extra", 0)}


def drive(solution, params):
    counter = solution.Counter()
    for i in range(params["n"]):
        counter.add(i)
    return {"value": counter.value, "exercise": sorted(os.listdir("/exercise"))}
