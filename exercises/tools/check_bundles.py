#!/usr/bin/python3
"""Dev check for the exercise bundles (not the server's validator).

For every bundle: load exercise.yaml, run every reference and the starter on
every case the way the harness does (checker.setup in a supervisor process,
the solution in a forked child, checker.teardown after), check that all
references agree with the sequential one on canonical JSON, then time the
benchmark workload per reference and worker count (median of interleaved
rounds) and print the speed-ups.

    /usr/bin/python3 exercises/tools/check_bundles.py                # all bundles
    /usr/bin/python3 exercises/tools/check_bundles.py primes bank    # some
    ... --no-bench | --rounds 5 | --start-method spawn | --python PATH

Needs PyYAML in the interpreter that runs it (apt-get install python3-yaml);
the solutions run under --python (default: python3 on PATH), stdlib only.
"""
import argparse
import json
import os
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import types
from pathlib import Path

EXERCISES = Path(__file__).resolve().parent.parent
REQUIRED = ["slug", "title", "kind", "entry", "expectedModel", "cases", "benchmark",
            "references", "limits", "scoring"]


# ---------------------------------------------------------------- supervisor
# Runs under the student interpreter, one fresh process per run, like the harness.

def supervise(spec):
    import importlib.util
    import resource

    # checkers import the harness's local_service (the HTTP services the exercises provide)
    sys.path.insert(0, str(EXERCISES.parent / "src" / "main" / "resources" / "harness"))

    bundle = Path(spec["bundle"])
    checker = None
    if (bundle / "checker.py").exists():
        mod_spec = importlib.util.spec_from_file_location("checker", bundle / "checker.py")
        checker = importlib.util.module_from_spec(mod_spec)
        sys.modules["checker"] = checker
        mod_spec.loader.exec_module(checker)
    ctx = types.SimpleNamespace(data_dir=str(bundle / "data"), tmp_dir=tempfile.mkdtemp(),
                                secret=os.urandom(16).hex(), leftovers=None)
    params = spec["params"]
    if checker is not None and hasattr(checker, "setup"):
        params = checker.setup(dict(params), ctx)

    out_path = os.path.join(ctx.tmp_dir, "output.txt")
    r, w = os.pipe()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the child: import the solution and run it
        os.close(r)
        os.setpgid(0, 0)
        fd = os.open(out_path, os.O_WRONLY | os.O_CREAT, 0o600)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        try:
            if spec.get("startMethod"):
                import multiprocessing
                multiprocessing.set_start_method(spec["startMethod"], force=True)
            if spec.get("switchInterval"):
                sys.setswitchinterval(spec["switchInterval"])
            sys.path.insert(0, spec["solutionDir"])
            import local_service
            import solution
            if checker is not None and hasattr(checker, "drive"):
                value = checker.drive(solution, params)
            else:
                value = getattr(solution, spec["entry"])(**_with_streams(params, local_service))
            msg = {"status": "ok", "value": value, "leftovers": _leftovers(checker)}
        except BaseException as e:  # noqa: BLE001 - report everything
            import traceback
            msg = {"status": "error", "error": f"{type(e).__name__}: {e}",
                   "traceback": traceback.format_exc()[-2000:]}
        try:
            data = json.dumps(msg).encode()
        except (TypeError, ValueError) as e:
            data = json.dumps({"status": "error", "error": f"not JSON-able: {e}"}).encode()
        _write_all(w, data)
        os.close(w)
        os._exit(0)

    os.close(w)
    # Read the answer until EOF, or until the child has exited (its own worker
    # processes may still hold the pipe's write end open).
    chunks, status, exited = [], None, False
    deadline = t0 + spec["wallSeconds"]
    while True:
        if time.perf_counter() > deadline:
            status = "timeout"
            break
        ready, _, _ = select.select([r], [], [], 0.02)
        if ready:
            chunk = os.read(r, 1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
        elif exited:
            break
        elif os.waitpid(pid, os.WNOHANG)[0] == pid:
            exited = True
    wall = time.perf_counter() - t0
    if status == "timeout":
        try:
            os.killpg(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    if not exited:
        os.waitpid(pid, 0)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if checker is not None and hasattr(checker, "teardown"):
        checker.teardown(ctx)
    if chunks and status != "timeout":
        _verify(checker, ctx, params, chunks)
    if status == "timeout":
        result = {"status": "timeout"}
    elif not chunks:
        result = {"status": "crashed"}
    else:
        result = json.loads(b"".join(chunks))
    result["wallMs"] = wall * 1000
    result["cpuMs"] = 1000 * (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    with open(out_path, "rb") as f:
        result["outputBytes"] = len(f.read())
    shutil.rmtree(ctx.tmp_dir, ignore_errors=True)
    print(json.dumps(result))


def _with_streams(params, local_service):
    """As the harness's child: a param {"__stream__": url} is an iterator over what the service streams."""
    return {k: local_service.stream_items(v[local_service.STREAM_PARAM])
            if isinstance(v, dict) and list(v) == [local_service.STREAM_PARAM] else v for k, v in params.items()}


def _leftovers(checker):
    """What the harness's supervisor counts from /proc, counted here in the child (references are trusted)."""
    grace = getattr(checker, "LEFTOVERS_GRACE", None)
    if grace is None:
        return None
    import multiprocessing
    import threading
    end = time.monotonic() + grace
    while True:
        threads = [t for t in threading.enumerate() if t is not threading.main_thread() and t.is_alive()]
        processes = multiprocessing.active_children()
        if not (threads or processes) or time.monotonic() > end:
            return {"threads": len(threads), "processes": len(processes)}
        time.sleep(0.02)


def _verify(checker, ctx, params, chunks):
    """As the harness's supervisor: the checker's verify() makes the value salt-free."""
    message = json.loads(b"".join(chunks))
    if message.get("status") == "ok" and checker is not None and hasattr(checker, "verify"):
        ctx.leftovers = message.pop("leftovers", None)
        message["value"] = checker.verify(message["value"], params, ctx)
    chunks[:] = [json.dumps(message).encode()]


def _write_all(fd, data):
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


# ---------------------------------------------------------------- driver
# Runs under /usr/bin/python3 (needs yaml).

def canonical(value):
    def fix(v):
        if isinstance(v, dict):
            return {str(k): fix(x) for k, x in v.items()}
        if isinstance(v, (list, tuple)):
            return [fix(x) for x in v]
        return v
    return json.dumps(fix(value), sort_keys=True, separators=(",", ":"))


class Runner:
    def __init__(self, args):
        self.args = args
        self.workdir = Path(tempfile.mkdtemp(prefix="paragrade-check-"))

    def solution_dir(self, source):
        d = self.workdir / f"{source.parent.parent.name}-{source.parent.name}-{source.stem}"
        if not d.exists():
            d.mkdir()
            shutil.copy(source, d / "solution.py")
        return d

    def run(self, bundle, source, meta, params, switch=None):
        spec = {"bundle": str(bundle), "solutionDir": str(self.solution_dir(source)),
                "entry": meta["entry"]["name"], "params": params, "switchInterval": switch,
                "startMethod": self.args.start_method,
                "wallSeconds": float(meta["limits"]["wallSeconds"])}
        proc = subprocess.run([self.args.python, "-I", "-B", __file__, "--supervise"],
                              input=json.dumps(spec), capture_output=True, text=True,
                              timeout=meta["limits"]["wallSeconds"] + 30)
        if proc.returncode != 0 or not proc.stdout.strip():
            return {"status": "supervisor failed", "error": proc.stderr[-2000:], "wallMs": 0}
        return json.loads(proc.stdout.strip().splitlines()[-1])


def check_schema(bundle, meta):
    problems = [f"missing {k}" for k in REQUIRED if k not in meta]
    if meta.get("slug") != bundle.name:
        problems.append("slug differs from folder name")
    if meta.get("kind") not in ("cpu", "io", "sync", "mixed"):
        problems.append("bad kind")
    if meta.get("expectedModel") not in ("threads", "processes", "asyncio", "any"):
        problems.append("bad expectedModel")
    for ref in meta.get("references", []):
        if not (bundle / "reference" / f"{ref}.py").exists():
            problems.append(f"reference/{ref}.py missing")
    if "sequential" not in meta.get("references", []):
        problems.append("no sequential reference")
    for f in ("statement.md", "starter/solution.py"):
        if not (bundle / f).exists():
            problems.append(f"{f} missing")
    if 1 not in meta.get("benchmark", {}).get("workers", []):
        problems.append("benchmark workers lack 1")
    return problems


def check_bundle(runner, bundle, yaml):
    meta = yaml.safe_load((bundle / "exercise.yaml").read_text())
    print(f"\n=== {bundle.name}  ({meta.get('kind')}, expects {meta.get('expectedModel')})")
    problems = check_schema(bundle, meta)
    for p in problems:
        print("  SCHEMA:", p)
    ok = not problems
    refs = meta["references"]
    stress = meta.get("stress") or {}
    for case in meta["cases"]:
        expected = None
        line = []
        for variant in refs + ["starter"]:
            src = bundle / ("starter/solution.py" if variant == "starter" else f"reference/{variant}.py")
            runs = [runner.run(bundle, src, meta, case["params"])]
            for _ in range(stress.get("repeat", 0) if stress else 0):
                runs.append(runner.run(bundle, src, meta, case["params"], stress.get("switchInterval")))
            verdicts = []
            for res in runs:
                if res["status"] != "ok":
                    verdicts.append(res["status"])
                    if variant != "starter":
                        print(f"  {case['name']}: {variant} {res['status']}: {res.get('error', '')}")
                        print("   ", res.get("traceback", "")[-800:])
                    continue
                value = canonical(res["value"])
                if variant == "sequential" and expected is None:
                    expected = value
                verdicts.append("ok" if value == expected else "WRONG")
            summary = "ok" if all(v == "ok" for v in verdicts) else "/".join(verdicts)
            if variant != "starter" and summary != "ok":
                ok = False
            line.append(f"{variant}={summary}({runs[0]['wallMs']:.0f}ms)")
        print(f"  case {case['name']!r}: " + " ".join(line))
        if expected is not None and len(expected) < 120:
            print(f"      value {expected}")
    if runner.args.no_bench:
        return ok
    bench = meta["benchmark"]
    rounds = max(runner.args.rounds, bench.get("rounds", 3))
    samples = {}
    for rnd in range(rounds):
        for workers in bench["workers"]:
            for variant in refs + ["starter"]:
                if variant == "sequential" and workers != bench["workers"][0]:
                    continue
                src = bundle / ("starter/solution.py" if variant == "starter" else f"reference/{variant}.py")
                params = dict(bench["params"], workers=workers)
                res = runner.run(bundle, src, meta, params)
                if res["status"] != "ok":
                    print(f"  bench {variant} w={workers}: {res['status']} {res.get('error', '')}")
                    ok = False
                    continue
                samples.setdefault((variant, workers), []).append((res["wallMs"], res["cpuMs"]))
    seq = statistics.median(w for w, _ in samples.get(("sequential", 1), [(float("nan"), 0)]))
    shown = {k: (v if len(str(v)) < 40 else "...") for k, v in bench["params"].items()}
    print(f"  benchmark {shown}  sequential median {seq:.0f} ms")
    for workers in bench["workers"]:
        cells = []
        for variant in refs + ["starter"]:
            s = samples.get((variant, workers if variant != "sequential" else bench["workers"][0]))
            if not s or variant == "sequential":
                continue
            wall = statistics.median(w for w, _ in s)
            cpu = statistics.median(c for _, c in s)
            cells.append(f"{variant} {wall:.0f}ms x{seq / wall:.2f} cpu{cpu / wall:.1f}")
        print(f"   w={workers}: " + " | ".join(cells))
    return ok


def main():
    if "--supervise" in sys.argv:
        supervise(json.loads(sys.stdin.read()))
        return
    import yaml
    ap = argparse.ArgumentParser()
    ap.add_argument("bundles", nargs="*")
    ap.add_argument("--no-bench", action="store_true")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--python", default=shutil.which("python3") or sys.executable)
    ap.add_argument("--start-method", choices=["fork", "spawn", "forkserver"])
    args = ap.parse_args()
    names = args.bundles or sorted(p.name for p in EXERCISES.iterdir()
                                   if (p / "exercise.yaml").exists())
    runner = Runner(args)
    failed = [n for n in names if not check_bundle(runner, EXERCISES / n, yaml)]
    shutil.rmtree(runner.workdir, ignore_errors=True)
    print("\nFAILED: " + ", ".join(failed) if failed else "\nall bundles ok")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
