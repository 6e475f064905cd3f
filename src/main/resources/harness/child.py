"""Paragrade child: runs the student's entry point (harness protocol 1).

Started by /harness/supervisor.py as a fresh interpreter with four private
pipe fds: parameters in, value out, stack dumps out, and a hold pipe it waits
on after sending its value when the supervisor wants to look at what was left
running. Nothing here is trusted for measurement; the supervisor measures from
outside. The checker is no file here: only a checker whose drive() must run in
this process sends its source along with the parameters. The main guard matters:
the spawn and forkserver start methods re-import this file as __mp_main__.
"""
import _thread
import faulthandler
import importlib.util
import json
import math
import os
import signal
import sys
import time
import traceback

PATHS = {"harness": "/harness", "solution": "/solution", "exercise": "/exercise"}
MAX_DEPTH = 100             # as the supervisor, which refuses deeper values anyway
TEXT_MAX_CHARS = 16 * 1024  # as the supervisor: a 7 MB exception message is cut here, not sent


class NotJsonable(TypeError):
    pass


def canonical(value, path="value", depth=1):
    """tuples -> lists, sets -> sorted lists, dict keys as strings in sorted order."""
    if depth > MAX_DEPTH and isinstance(value, (list, tuple, set, frozenset, dict)):
        raise NotJsonable("it is nested more than %d levels deep, too deeply to grade" % MAX_DEPTH)
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise NotJsonable("%s is %r, which JSON cannot represent" % (path, value))
        return value
    if isinstance(value, (list, tuple)):
        return [canonical(v, "%s[%d]" % (path, i), depth + 1) for i, v in enumerate(value)]
    if isinstance(value, (set, frozenset)):
        items = [canonical(v, path + " element", depth + 1) for v in value]
        try:
            return sorted(items)
        except TypeError:
            return sorted(items, key=lambda v: json.dumps(v, sort_keys=True))
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if isinstance(k, bool) or not isinstance(k, (str, int)):
                raise NotJsonable("%s has a key of type %s; keys must be str or int"
                                  % (path, type(k).__name__))
            out[str(k)] = canonical(v, "%s[%r]" % (path, k), depth + 1)
        return dict(sorted(out.items()))
    raise NotJsonable("%s has type %s, which cannot be turned into JSON "
                      "(return numbers, strings, lists, tuples, sets or dicts)"
                      % (path, type(value).__name__))


def capped(text):
    if len(text) <= TEXT_MAX_CHARS:
        return text
    return text[:TEXT_MAX_CHARS] + "\n… [cut: %d characters in all]" % len(text)


def describe(exc):
    frames = [f for f in traceback.extract_tb(exc.__traceback__)
              if not f.filename.startswith(PATHS["harness"] + "/")
              and "importlib._bootstrap" not in f.filename]
    text = "Traceback (most recent call last):\n" if frames else ""
    text += "".join(traceback.format_list(frames))
    text += "".join(traceback.format_exception_only(type(exc), exc))
    return {"type": type(exc).__name__, "message": capped(str(exc)), "traceback": capped(text)}


def load_module(name, path):
    """Loads a trusted file as module `name` (registered first, so pickles and spawned workers find it)."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def load_checker(source):
    """A checker whose drive() runs here, from the source the supervisor sent (local_service importable)."""
    load_module("local_service", PATHS["harness"] + "/local_service.py")
    module = type(sys)("checker")
    sys.modules["checker"] = module
    exec(compile(source, "checker.py", "exec"), module.__dict__)
    return module


def with_streams(params):
    """A param {"__stream__": url} is an iterator over the items the checker's service streams from url."""
    if not any(isinstance(v, dict) and list(v) == ["__stream__"] for v in params.values()):
        return params
    service = load_module("local_service", PATHS["harness"] + "/local_service.py")
    return {k: service.stream_items(v["__stream__"]) if isinstance(v, dict) and list(v) == ["__stream__"] else v
            for k, v in params.items()}


def keep_switch_interval(set_interval, interval, sleep):
    """During a stress run, the interval is set again every millisecond, through functions saved before the
    student's import: a solution that sets it back inside its own call (to hide a race) undoes it for at
    most that long. A bare thread (_thread), so that threading.enumerate() and a checker's count of
    leftover threads never see it.
    Returns the function that ends it (before the value is sent: the supervisor's look for leftovers must
    not count it)."""
    stopping = []
    ended = _thread.allocate_lock()
    ended.acquire()

    def keep():
        try:
            while not stopping:
                set_interval(interval)
                sleep(0.001)
        finally:
            ended.release()

    def stop():
        stopping.append(True)
        ended.acquire(timeout=1)
    _thread.start_new_thread(keep, ())
    return stop


def call(spec, switch_interval):
    """The student's entry point (or the checker's drive), its value made canonical: the message to send.
    The stress test's switch interval is set again after the import, through the function saved before it:
    whatever the solution changed while it was imported (the interval, sys.setswitchinterval) is undone."""
    params = with_streams(spec.get("params") or {})
    try:
        import solution
        checker = load_checker(spec["checkerSource"]) if spec.get("checkerSource") else None
        switch_interval()
        if checker is not None and hasattr(checker, "drive"):
            value = checker.drive(solution, params)
        else:
            entry = getattr(solution, spec["entry"], None)
            if entry is None:
                raise AttributeError("solution.py does not define %s" % spec["entry"])
            value = entry(**params)
        return {"kind": "ok", "value": canonical(value)}
    except NotJsonable as e:
        return {"kind": "error", "error": {"type": "TypeError",
                                           "message": "your function returned a value that is not "
                                                      "JSON-able: " + str(e), "traceback": ""}}
    except BaseException as e:  # SystemExit and KeyboardInterrupt are the student's errors too
        return {"kind": "error", "error": describe(e)}


def main():
    par_fd, res_fd, stk_fd, hold_fd = (int(a) for a in sys.argv[1:5])
    for fd in (par_fd, res_fd, stk_fd, hold_fd):
        os.set_inheritable(fd, False)   # spawned workers need none of them
    try:  # under memory pressure the kernel should pick the student's tree, not the supervisor
        with open("/proc/self/oom_score_adj", "w") as f:
            f.write("1000")
    except OSError:
        pass
    with os.fdopen(par_fd, "rb") as f:
        spec = json.loads(f.read().decode("utf-8"))
    PATHS.update(spec.get("paths") or {})
    result = os.fdopen(res_fd, "w", encoding="utf-8")
    stacks = os.fdopen(stk_fd, "w", encoding="utf-8")
    faulthandler.register(signal.SIGUSR1, file=stacks, all_threads=True, chain=False)

    sys.argv = ["solution.py"]
    sys.path.insert(0, PATHS["solution"])
    os.chdir("/tmp")
    set_interval = sys.setswitchinterval    # saved before any of the student's code runs
    interval = float(spec["switchInterval"]) if spec.get("switchInterval") else None

    def switch_interval():
        if interval is not None:
            set_interval(interval)
    switch_interval()
    stop_keeping = keep_switch_interval(set_interval, interval, time.sleep) if interval is not None else None
    message = call(spec, switch_interval)
    if stop_keeping is not None:
        stop_keeping()
    sys.stdout.flush()
    sys.stderr.flush()
    result.write(json.dumps(message) + "\n")
    result.flush()
    result.close()
    if spec.get("hold"):
        os.read(hold_fd, 1)     # returns at EOF: the supervisor has looked at what was left running


if __name__ == "__main__":
    main()
