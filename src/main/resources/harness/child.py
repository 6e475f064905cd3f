"""Paragrade child: runs the student's entry point (harness protocol 1).

Started by /harness/supervisor.py as a fresh interpreter with three private
pipe fds: parameters in, value out, stack dumps out. Nothing here is trusted
for measurement; the supervisor measures from outside. The main guard matters:
the spawn and forkserver start methods re-import this file as __mp_main__.
"""
import faulthandler
import importlib.util
import json
import math
import os
import signal
import sys
import traceback

PATHS = {"harness": "/harness", "solution": "/solution", "exercise": "/exercise"}


class NotJsonable(TypeError):
    pass


def canonical(value, path="value"):
    """tuples -> lists, sets -> sorted lists, dict keys as strings in sorted order."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise NotJsonable("%s is %r, which JSON cannot represent" % (path, value))
        return value
    if isinstance(value, (list, tuple)):
        return [canonical(v, "%s[%d]" % (path, i)) for i, v in enumerate(value)]
    if isinstance(value, (set, frozenset)):
        items = [canonical(v, path + " element") for v in value]
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
            out[str(k)] = canonical(v, "%s[%r]" % (path, k))
        return dict(sorted(out.items()))
    raise NotJsonable("%s has type %s, which cannot be turned into JSON "
                      "(return numbers, strings, lists, tuples, sets or dicts)"
                      % (path, type(value).__name__))


def describe(exc):
    frames = [f for f in traceback.extract_tb(exc.__traceback__)
              if not f.filename.startswith(PATHS["harness"] + "/")
              and "importlib._bootstrap" not in f.filename]
    text = "Traceback (most recent call last):\n" if frames else ""
    text += "".join(traceback.format_list(frames))
    text += "".join(traceback.format_exception_only(type(exc), exc))
    return {"type": type(exc).__name__, "message": str(exc), "traceback": text}


def load_checker():
    spec = importlib.util.spec_from_file_location("checker", PATHS["exercise"] + "/checker.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["checker"] = module
    spec.loader.exec_module(module)
    return module


def main():
    par_fd, res_fd, stk_fd = (int(a) for a in sys.argv[1:4])
    for fd in (par_fd, res_fd, stk_fd):
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
    if spec.get("switchInterval"):
        sys.setswitchinterval(float(spec["switchInterval"]))
    params = spec.get("params") or {}
    try:
        import solution
        if spec.get("checker") and os.path.exists(PATHS["exercise"] + "/checker.py"):
            checker = load_checker()
        else:
            checker = None
        if checker is not None and hasattr(checker, "drive"):
            value = checker.drive(solution, params)
        else:
            entry = getattr(solution, spec["entry"], None)
            if entry is None:
                raise AttributeError("solution.py does not define %s" % spec["entry"])
            value = entry(**params)
        message = {"kind": "ok", "value": canonical(value)}
    except NotJsonable as e:
        message = {"kind": "error", "error": {"type": "TypeError",
                                              "message": "your function returned a value that is not "
                                                         "JSON-able: " + str(e), "traceback": ""}}
    except BaseException as e:  # SystemExit and KeyboardInterrupt are the student's errors too
        message = {"kind": "error", "error": describe(e)}
    sys.stdout.flush()
    sys.stderr.flush()
    result.write(json.dumps(message) + "\n")
    result.flush()
    result.close()


if __name__ == "__main__":
    main()
