"""Paragrade trusted supervisor, harness protocol 1 (docs/CONTRACTS.md section 3).

Runs inside the bwrap sandbox (pid 2 of the sandbox's pid namespace), reads the
spec from stdin, starts the student's code in a fresh interpreter
(/harness/child.py) and writes exactly one line `PARAGRADE/1 <nonce> <json>` on
its own stdout, which the child never holds. Everything measured here (wall,
CPU, threads, processes, memory) is measured from this process, so patching
clocks in the student's process changes nothing.
"""
import ctypes
import importlib.util
import json
import os
import resource
import select
import signal
import sys
import tempfile
import time
import types

PROTOCOL = 1
PR_SET_DUMPABLE = 4
PR_SET_CHILD_SUBREAPER = 36
CHILD_EXIT_GRACE = 1.0      # seconds the child gets to exit after sending its value
STACK_DUMP_WAIT = 0.5       # seconds we wait for the faulthandler dump on a timeout
PAGE = os.sysconf("SC_PAGE_SIZE")
TICKS = os.sysconf("SC_CLK_TCK")


def prctl(option, value):
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(option, value, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(%d) failed" % option)


class Sampler:
    """Peak processes, threads and memory of every process in the namespace
    except pid 1 (bwrap's init) and this supervisor; also their CPU so far."""

    def __init__(self):
        self.me = os.getpid()
        self.max_processes = 0
        self.max_threads = 0
        self.peak_rss = 0

    def sample(self):
        procs = threads = rss = ticks = 0
        try:
            names = os.listdir("/proc") if OWN_PID_NAMESPACE else descendants()
        except OSError:
            return 0
        for name in names:
            if not str(name).isdigit():
                continue
            pid = int(name)
            if pid == 1 or pid == self.me:
                continue
            try:
                with open("/proc/%d/stat" % pid, "rb") as f:
                    raw = f.read()
            except OSError:
                continue
            fields = raw[raw.rfind(b")") + 2:].split()
            # fields[0] is field 3 (state) of proc(5)
            ticks += sum(int(x) for x in fields[11:15])  # utime stime cutime cstime
            if fields[0] == b"Z":
                continue
            procs += 1
            threads += int(fields[17])
            rss += int(fields[21])
        self.max_processes = max(self.max_processes, procs)
        self.max_threads = max(self.max_threads, threads)
        self.peak_rss = max(self.peak_rss, rss * PAGE)
        return ticks / TICKS


def load_checker():
    spec = importlib.util.spec_from_file_location("checker", PATHS["exercise"] + "/checker.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


OWN_PID_NAMESPACE = True   # false only in the host's unsafe development mode
PATHS = {"harness": "/harness", "solution": "/solution", "exercise": "/exercise"}


def descendants():
    """Pids below us, from /proc (used where we do not own the pid namespace)."""
    parent = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open("/proc/%s/stat" % name, "rb") as f:
                    raw = f.read()
                parent[int(name)] = int(raw[raw.rfind(b")") + 2:].split()[1])
            except (OSError, ValueError, IndexError):
                pass
    found, frontier = set(), {os.getpid()}
    while frontier:
        frontier = {p for p, pp in parent.items() if pp in frontier and p not in found}
        found |= frontier
    return found


def kill_everything_else():
    if OWN_PID_NAMESPACE:
        # kill(-1) inside our pid namespace: every process but pid 1 and ourselves.
        try:
            os.kill(-1, signal.SIGKILL)
        except OSError:
            pass
        return
    for _ in range(3):
        for pid in descendants():
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass


def reap_all(statuses, child_pid, block):
    """Reap every descendant (we are their subreaper). Returns False once none are left."""
    while True:
        try:
            pid, status = os.waitpid(-1, 0 if block else os.WNOHANG)
        except ChildProcessError:
            return False
        except InterruptedError:
            continue
        if pid == 0:
            return True
        if pid == child_pid:
            statuses["child"] = status


def run(spec, emit):
    nonce = spec["nonce"]
    wall_limit = float(spec.get("wallSeconds") or 20.0)
    cpu_limit = spec.get("cpuSeconds")
    mem_limit = spec.get("memoryBytes")      # enforced here only when the host has no cgroup
    task_limit = spec.get("maxTasks")        # idem
    out_cap = int(spec.get("outputBytes") or 65536)

    checker = None
    ctx = types.SimpleNamespace(data_dir=PATHS["exercise"] + "/data", tmp_dir=tempfile.mkdtemp(prefix="checker-"))
    params = spec.get("params") or {}
    if spec.get("checker"):
        checker = load_checker()
        if hasattr(checker, "setup"):
            params = checker.setup(params, ctx)

    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    par_r, par_w = os.pipe()
    res_r, res_w = os.pipe()
    stk_r, stk_w = os.pipe()
    for fd in (par_r, res_w, stk_w):
        os.set_inheritable(fd, True)
    child_args = [sys.executable, "-I", "-B", PATHS["harness"] + "/child.py", str(par_r), str(res_w), str(stk_w)]
    env = dict(os.environ)

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    sampler = Sampler()
    t0 = time.monotonic()
    child = os.posix_spawn(sys.executable, child_args, env, setpgroup=0, file_actions=[
        (os.POSIX_SPAWN_OPEN, 0, "/dev/null", os.O_RDONLY, 0),
        (os.POSIX_SPAWN_DUP2, out_w, 1),
        (os.POSIX_SPAWN_DUP2, err_w, 2),
    ])
    # Tell Java (on our stderr, which the child does not hold) that student code now runs:
    # from here on a supervisor that dies without a result was killed by the student.
    sys.stderr.write("PARAGRADE/%d %s child-started\n" % (PROTOCOL, nonce))
    sys.stderr.flush()
    for fd in (out_w, err_w, par_r, res_w, stk_w):
        os.close(fd)
    child_spec = {k: spec.get(k) for k in ("entry", "entryType", "checker", "switchInterval")}
    child_spec["params"] = params
    child_spec["paths"] = PATHS
    try:
        with os.fdopen(par_w, "wb") as f:
            f.write(json.dumps(child_spec).encode())
    except OSError:
        pass

    streams = {out_r: bytearray(), err_r: bytearray(), res_r: bytearray(), stk_r: bytearray()}
    open_fds = set(streams)
    statuses = {}
    total_out = 0
    truncated = False
    status = None
    t_value = None
    cpu_sampled = 0.0
    next_sample = 0.0
    deadline = t0 + wall_limit

    def take(fd):
        nonlocal total_out, truncated, t_value
        try:
            data = os.read(fd, 65536)
        except OSError:
            data = b""
        if not data:
            open_fds.discard(fd)
            return
        if fd in (out_r, err_r):
            room = out_cap - total_out
            total_out += len(data)
            streams[fd] += data[:max(room, 0)]
            if total_out > out_cap:
                truncated = True
                stop("output_limit")
        else:
            streams[fd] += data
            if fd == res_r and t_value is None and b"\n" in streams[fd]:
                t_value = time.monotonic()

    def stop(new_status):
        nonlocal status
        if status is None:
            status = new_status

    while True:
        now = time.monotonic()
        if now >= next_sample:
            cpu_sampled = sampler.sample()
            elapsed = now - t0
            next_sample = now + (0.01 if elapsed < 0.5 else 0.02 if elapsed < 3 else 0.05)
            if status is None and t_value is None:
                used = cpu_sampled + _cpu(resource.getrusage(resource.RUSAGE_CHILDREN), before)
                if cpu_limit is not None and used > float(cpu_limit):
                    stop("cpu_limit")
                elif mem_limit is not None and sampler.peak_rss > int(mem_limit):
                    stop("memory_limit")
                elif task_limit is not None and sampler.max_threads > int(task_limit):
                    stop("process_limit")
        if status is None and t_value is None and now >= deadline:
            stop("timeout")
            _dump_stacks(child, stk_r, streams[stk_r])
        if status is not None:
            break
        if t_value is not None and ("child" in statuses or now > t_value + CHILD_EXIT_GRACE):
            break
        if t_value is None and "child" in statuses:
            # The child is gone: its value (if any) is already in the pipe.
            streams[res_r] += _read_available(res_r)
            if b"\n" not in streams[res_r]:
                break       # ended without a value: "crashed", decided below
            t_value = time.monotonic()
        timeout = max(0.0, min(next_sample, deadline) - time.monotonic())
        ready = select.select(list(open_fds), [], [], timeout)[0] if open_fds else time.sleep(timeout) or []
        for fd in ready:
            take(fd)
        reap_all(statuses, child, block=False)

    # The measured part is over: stop everybody left (daemons, leftover workers), reap them all.
    kill_everything_else()
    while reap_all(statuses, child, block=True):
        pass
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if checker is not None and hasattr(checker, "teardown"):
        try:
            checker.teardown(ctx)
        except Exception:
            pass
    # Every writer is dead now, so each pipe reaches EOF: collect what is still buffered.
    for fd in list(open_fds):
        while fd in open_fds and len(streams[fd]) <= 4 * out_cap + 65536:
            take(fd)
    end = t_value if t_value is not None else time.monotonic()

    result = {
        "wallMs": round((end - t0) * 1000.0, 3),
        "userMs": round((after.ru_utime - before.ru_utime) * 1000.0, 3),
        "sysMs": round((after.ru_stime - before.ru_stime) * 1000.0, 3),
        "maxThreads": sampler.max_threads,
        "maxProcesses": sampler.max_processes,
        "peakMemoryMb": round(sampler.peak_rss / 1048576.0, 3),
        "stdout": streams[out_r].decode("utf-8", "replace"),
        "stderr": streams[err_r].decode("utf-8", "replace"),
        "outputTruncated": truncated,
    }
    result["cpuMs"] = round(result["userMs"] + result["sysMs"], 3)
    child_status = statuses.get("child")
    if child_status is not None:
        if os.WIFSIGNALED(child_status):
            result["signal"] = os.WTERMSIG(child_status)
        elif os.WIFEXITED(child_status):
            result["exitCode"] = os.WEXITSTATUS(child_status)
    if status is None:
        line = bytes(streams[res_r]).split(b"\n", 1)[0]
        try:
            message = json.loads(line.decode("utf-8"))
        except ValueError:
            message = None
        if isinstance(message, dict) and message.get("kind") == "ok":
            status = "ok"
            result["value"] = message.get("value")
        elif isinstance(message, dict) and message.get("kind") == "error":
            status = "error"
            result["error"] = message.get("error")
        else:
            status = "crashed"
    if status == "timeout":
        lines = streams[stk_r].decode("utf-8", "replace").splitlines(True)
        result["stacks"] = "".join(l for l in lines if '"%s/' % PATHS["harness"] not in l)
    result["status"] = status
    return result


def _cpu(now, before):
    return (now.ru_utime - before.ru_utime) + (now.ru_stime - before.ru_stime)


def _read_available(fd):
    data = bytearray()
    while select.select([fd], [], [], 0)[0]:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        data += chunk
    return bytes(data)


def _dump_stacks(child, stk_r, buffer):
    """Ask the child's faulthandler (registered on SIGUSR1) for every thread's stack."""
    try:
        os.kill(child, signal.SIGUSR1)
    except OSError:
        return
    end = time.monotonic() + STACK_DUMP_WAIT
    quiet_since = None
    while time.monotonic() < end:
        if select.select([stk_r], [], [], 0.05)[0]:
            chunk = os.read(stk_r, 65536)
            if not chunk:
                return
            buffer += chunk
            quiet_since = None
        elif buffer:
            quiet_since = quiet_since or time.monotonic()
            if time.monotonic() - quiet_since > 0.1:
                return


def main():
    # Nobody in the sandbox may read our memory or open our fds (/proc/<pid>/fd/1),
    # and every orphan of the student's tree is re-parented to us, so we reap and count it.
    prctl(PR_SET_DUMPABLE, 0)
    prctl(PR_SET_CHILD_SUBREAPER, 1)
    os.closerange(3, 1024)
    result_out = os.fdopen(os.dup(1), "w", encoding="ascii")
    devnull = os.open("/dev/null", os.O_RDWR)
    raw = sys.stdin.buffer.read()
    os.dup2(devnull, 0)
    os.dup2(2, 1)   # stray prints (e.g. from a checker) go to stderr, never to the result channel
    sys.stdout = sys.stderr
    spec = json.loads(raw.decode("utf-8"))
    nonce = spec.get("nonce", "")
    global OWN_PID_NAMESPACE
    if spec.get("paths"):
        PATHS.update(spec["paths"])
        OWN_PID_NAMESPACE = False
    try:
        if spec.get("protocol") != PROTOCOL:
            raise ValueError("unsupported protocol %r" % spec.get("protocol"))
        result = run(spec, result_out)
    except Exception as e:  # our own failure: reported as such, never blamed on the student
        kill_everything_else()
        import traceback
        result = {"status": "internal", "error": {"type": type(e).__name__, "message": str(e),
                                                    "traceback": traceback.format_exc()}}
    result_out.write("PARAGRADE/%d %s %s\n" % (PROTOCOL, nonce, json.dumps(result, ensure_ascii=True)))
    result_out.flush()


if __name__ == "__main__":
    main()
