"""Paragrade trusted supervisor, harness protocol 1 (docs/CONTRACTS.md section 3).

Runs inside the bwrap sandbox as pid 1 of its pid namespace (bwrap --as-pid-1),
non-dumpable before anything else, reads the spec from stdin, starts the
student's code in a fresh interpreter (/harness/child.py) with pipes of its
own, and writes exactly one line `PARAGRADE/1 <nonce> <json>` on the result
channel: a copy of its stdout that no other process in the sandbox holds or
can reach through /proc. As the namespace's init it receives no signal from
inside it that it has no handler for (it installs none), so the student's code
can neither stop (SIGSTOP) nor kill it. Everything measured here (wall,
CPU, threads, processes, memory) is measured from this process, so patching
clocks in the student's process changes nothing.
"""
import ctypes
import importlib.util
import json
import os
import re
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
# Everything the student's process sends is the student's: bounded here, in a process it cannot reach.
VALUE_MAX_BYTES = 256 * 1024   # the value message as the child sends it (JSON); more is refused
MAX_DEPTH = 100                # nesting of the value; Java's JSON reader allows 1000, our JSON parser less
TEXT_MAX_CHARS = 16 * 1024     # each of stdout, stderr, error message, traceback, stacks
PAGE = os.sysconf("SC_PAGE_SIZE")
TICKS = os.sysconf("SC_CLK_TCK")


def prctl(option, value):
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(option, value, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(%d) failed" % option)


class OwnSettings:
    """What a process of the same uid may still change in us although it cannot trace us: our rlimits
    (prlimit), our nice value (setpriority), our CPUs and scheduling class. Blinding the sampler that way
    is tampering with the run, seen at every sample."""

    LIMITS = (resource.RLIMIT_NOFILE, resource.RLIMIT_CPU, resource.RLIMIT_AS, resource.RLIMIT_FSIZE,
              resource.RLIMIT_NPROC, resource.RLIMIT_STACK)

    def __init__(self):
        self.start = self.now()

    @classmethod
    def now(cls):
        return ([resource.getrlimit(r) for r in cls.LIMITS], os.getpriority(os.PRIO_PROCESS, 0),
                os.sched_getaffinity(0), os.sched_getscheduler(0))

    def changed(self):
        return self.now() != self.start


class Sampler:
    """Peak processes, threads and memory of every process in the namespace
    except this supervisor (pid 1); also their CPU so far."""

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


def load_module(name, path):
    """Loads a trusted file as module `name` (registered first, so pickles and spawned workers find it)."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def load_checker(source):
    """The exercise's checker from its source, which came on our stdin: it is no file in the sandbox, so the
    student's process can neither read nor import it. The harness's local_service is importable by that name."""
    load_module("local_service", PATHS["harness"] + "/local_service.py")
    module = types.ModuleType("checker")
    module.__file__ = "<checker>"
    sys.modules["checker"] = module
    exec(compile(source, "checker.py", "exec"), module.__dict__)
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
        # kill(-1) inside our pid namespace: every process but ourselves (pid 1).
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


class Limits:
    """What the spec allows the student's tree; memory and tasks only when the host has no cgroup."""

    def __init__(self, spec):
        self.wall = float(spec.get("wallSeconds") or 20.0)
        cpu, memory, tasks = spec.get("cpuSeconds"), spec.get("memoryBytes"), spec.get("maxTasks")
        self.cpu = None if cpu is None else float(cpu)
        self.memory = None if memory is None else int(memory)
        self.tasks = None if tasks is None else int(tasks)
        self.output = int(spec.get("outputBytes") or 65536)


class Child:
    """The student's process and the supervisor's ends of its pipes: stdout, stderr, value, stacks."""

    def __init__(self, nonce, child_spec):
        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
        par_r, par_w = os.pipe()
        self.res_r, res_w = os.pipe()
        self.stk_r, stk_w = os.pipe()
        hold_r, self.hold_w = os.pipe()     # the child waits on it after sending its value, until released
        self.out_r, self.err_r = out_r, err_r
        for fd in (par_r, res_w, stk_w, hold_r):
            os.set_inheritable(fd, True)
        args = [sys.executable, "-I", "-B", PATHS["harness"] + "/child.py", str(par_r), str(res_w), str(stk_w),
                str(hold_r)]
        self.before = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.t0 = time.monotonic()
        self.pid = os.posix_spawn(sys.executable, args, dict(os.environ), setpgroup=0, file_actions=[
            (os.POSIX_SPAWN_OPEN, 0, "/dev/null", os.O_RDONLY, 0),
            (os.POSIX_SPAWN_DUP2, out_w, 1),
            (os.POSIX_SPAWN_DUP2, err_w, 2),
        ])
        # Tell Java (on our stderr, which the child does not hold) that student code now runs:
        # from here on a supervisor that dies without a result was killed by the student.
        sys.stderr.write("PARAGRADE/%d %s child-started\n" % (PROTOCOL, nonce))
        sys.stderr.flush()
        for fd in (out_w, err_w, par_r, res_w, stk_w, hold_r):
            os.close(fd)
        try:
            with os.fdopen(par_w, "wb") as f:
                f.write(json.dumps(child_spec).encode())
        except OSError:
            pass

    def release(self):
        """Lets a held child go on to exit (closing the only write end of its hold pipe)."""
        if self.hold_w is not None:
            os.close(self.hold_w)
            self.hold_w = None


class Watch:
    """Everything seen while the child runs: its streams (capped), its value, and why it was stopped."""

    def __init__(self, child, limits, own):
        self.child, self.limits, self.own = child, limits, own
        self.streams = {fd: bytearray() for fd in (child.out_r, child.err_r, child.res_r, child.stk_r)}
        self.open_fds = set(self.streams)
        self.statuses = {}
        self.total_out = 0
        self.truncated = False
        self.status = None
        self.rejected = None    # why the child's value message is refused, if it is
        self.t_value = None
        self.holding = False    # the child waits after its value until released (leftovers are looked at)
        self.t_release = None
        self.sampler = Sampler()
        self.next_sample = 0.0
        self.deadline = child.t0 + limits.wall

    def stop(self, status):
        if self.status is None:
            self.status = status

    def take(self, fd):
        try:
            data = os.read(fd, 65536)
        except OSError:
            data = b""
        if not data:
            self.open_fds.discard(fd)
            return
        if fd in (self.child.out_r, self.child.err_r):
            room = self.limits.output - self.total_out
            self.total_out += len(data)
            self.streams[fd] += data[:max(room, 0)]
            if self.total_out > self.limits.output:
                self.truncated = True
                self.stop("output_limit")
        elif fd == self.child.res_r:
            self.take_value(data)
        else:
            self.streams[fd] += data[:max(0, 4 * TEXT_MAX_CHARS - len(self.streams[fd]))]

    def take_value(self, data):
        """The value channel: at most VALUE_MAX_BYTES are kept; beyond that the channel is closed (the child's
        write fails) and the value refused, so a huge value costs neither our memory nor the report."""
        buffer = self.streams[self.child.res_r]
        if len(buffer) + len(data) > VALUE_MAX_BYTES and b"\n" not in buffer + data[:VALUE_MAX_BYTES]:
            self.rejected = "your function returned a value too large to grade (more than %d KB as JSON)" \
                            % (VALUE_MAX_BYTES // 1024)
            self.open_fds.discard(self.child.res_r)
            os.close(self.child.res_r)
        else:
            buffer += data[:max(0, VALUE_MAX_BYTES - len(buffer))]
        if self.t_value is None and (self.rejected or b"\n" in buffer):
            self.t_value = time.monotonic()

    def sample(self, now):
        """Peaks from /proc; a limit the cgroup would enforce is enforced here when there is none."""
        if self.status is None and self.t_value is None and self.own.changed():
            self.stop("tampered")
        cpu_sampled = self.sampler.sample()
        elapsed = now - self.child.t0
        self.next_sample = now + (0.01 if elapsed < 0.5 else 0.02 if elapsed < 3 else 0.05)
        if self.status is not None or self.t_value is not None:
            return
        used = cpu_sampled + _cpu(resource.getrusage(resource.RUSAGE_CHILDREN), self.child.before)
        limits = self.limits
        if limits.cpu is not None and used > limits.cpu:
            self.stop("cpu_limit")
        elif limits.memory is not None and self.sampler.peak_rss > limits.memory:
            self.stop("memory_limit")
        elif limits.tasks is not None and self.sampler.max_threads > limits.tasks:
            self.stop("process_limit")

    def over(self, now):
        """Whether watching is over: a limit, the value and the child's exit (or its grace), or no value."""
        if self.status is None and self.t_value is None and now >= self.deadline:
            self.stop("timeout")
            _dump_stacks(self.child.pid, self.child.stk_r, self.streams[self.child.stk_r])
        if self.status is not None:
            return True
        if self.t_value is not None:
            return self.holding or "child" in self.statuses \
                or now > (self.t_release or self.t_value) + CHILD_EXIT_GRACE
        if "child" in self.statuses:
            # The child is gone: its value (if any) is already in the pipe.
            self.take_value(_read_available(self.child.res_r))
            return self.t_value is None     # ended without a value: "crashed", decided later
        return False

    def loop(self):
        while True:
            now = time.monotonic()
            if now >= self.next_sample:
                self.sample(now)
            if self.over(now):
                return
            timeout = max(0.0, min(self.next_sample, self.deadline) - time.monotonic())
            fds = list(self.open_fds)
            ready = select.select(fds, [], [], timeout)[0] if fds else time.sleep(timeout) or []
            for fd in ready:
                self.take(fd)
            reap_all(self.statuses, self.child.pid, block=False)

    def drain(self):
        """Every writer is dead now, so each pipe reaches EOF: collect what is still buffered."""
        for fd in list(self.open_fds):
            while fd in self.open_fds and len(self.streams[fd]) <= 4 * self.limits.output + 65536:
                self.take(fd)


def start_checker(spec):
    """The exercise's checker (trusted) and the params its setup() gives the student's code. ctx.secret is the
    grading's secret (from the server, on our stdin): checkers salt what their services serve with it."""
    ctx = types.SimpleNamespace(data_dir=PATHS["exercise"] + "/data", tmp_dir=tempfile.mkdtemp(prefix="checker-"),
                                secret=spec.get("secret") or os.urandom(16).hex(), leftovers=None)
    params = spec.get("params") or {}
    checker = None
    if spec.get("checker") and spec.get("checkerSource"):
        checker = load_checker(spec["checkerSource"])
        if hasattr(checker, "setup"):
            params = checker.setup(params, ctx)
    return checker, ctx, params


def child_spec_of(spec, checker, params):
    """What the student's process is told: never the secret; the checker's source only when its drive() has
    to run there (class-based and stress exercises drive the student's objects in their own process)."""
    child_spec = {k: spec.get(k) for k in ("entry", "entryType", "switchInterval")}
    child_spec["params"] = params
    child_spec["paths"] = PATHS
    child_spec["checkerSource"] = spec["checkerSource"] if hasattr(checker, "drive") else None
    child_spec["hold"] = leftovers_grace(checker) is not None
    return child_spec


def leftovers_grace(checker):
    return getattr(checker, "LEFTOVERS_GRACE", None) if checker is not None else None


# The exact programs multiprocessing gives `-c` for its helpers. Anything more is a leftover in disguise: no `;`
# (a second statement) and no parentheses (a call) in the forkserver's arguments, which are only numbers, lists
# and dicts of strings.
MULTIPROCESSING_HELPERS = (
    re.compile(rb"from multiprocessing\.resource_tracker import main;main\(\d+\)"),
    re.compile(rb"from multiprocessing\.forkserver import main; main\((\d+, )+[^;()]*\)"),
)


def is_multiprocessing_helper(pid):
    """multiprocessing's forkserver and resource tracker live as long as the process that started them: they are
    not work left running (multiprocessing.active_children() does not list them either). Known by the whole of
    the program they run, not by how it begins."""
    try:
        with open("/proc/%d/cmdline" % pid, "rb") as f:
            args = f.read().split(b"\0")
    except OSError:
        return False
    return any(p.fullmatch(a) for p in MULTIPROCESSING_HELPERS for a in args)


def look_for_leftovers(child_pid):
    """(threads besides the child's main thread, other live processes), or None once the child has ended."""
    try:
        with open("/proc/%d/stat" % child_pid, "rb") as f:
            raw = f.read()
        if raw[raw.rfind(b")") + 2:].split()[0] == b"Z":
            return None
        threads = len(os.listdir("/proc/%d/task" % child_pid)) - 1
    except OSError:
        return None
    processes = 0
    names = os.listdir("/proc") if OWN_PID_NAMESPACE else descendants()
    for name in names:
        pid = int(name) if str(name).isdigit() else None
        if pid in (None, 1, os.getpid(), child_pid):
            continue
        try:
            with open("/proc/%d/stat" % pid, "rb") as f:
                raw = f.read()
        except OSError:
            continue
        if raw[raw.rfind(b")") + 2:].split()[0] != b"Z" and not is_multiprocessing_helper(pid):
            processes += 1
    return threads, processes


def leftovers(child_pid, grace):
    """What the student's code left running after its value arrived, seen from here (patching threading or
    multiprocessing in its process changes nothing): looked at until all is gone or `grace` has passed. A child
    that ends by itself while held keeps what was last seen; ended before the first look, the counts are None."""
    end = time.monotonic() + grace
    seen = None
    while True:
        now = look_for_leftovers(child_pid)
        if now is None:
            break
        seen = now
        if seen == (0, 0) or time.monotonic() >= end:
            break
        time.sleep(0.02)
    return {"threads": seen[0] if seen else None, "processes": seen[1] if seen else None}


def verified(checker, ctx, params, result):
    """The checker's verify() turns the student's value into the one compared with the reference's (salt-free:
    checked against what its services served). It works on the student's value, so what it raises is theirs."""
    if result.get("status") != "ok" or checker is None or not hasattr(checker, "verify"):
        return result
    try:
        result["value"] = checker.verify(result.get("value"), params, ctx)
    except Exception as e:
        result["status"] = "error"
        result["error"] = {"type": type(e).__name__, "message": capped(str(e)), "traceback": ""}
        result.pop("value", None)
    return result


def end_run(watch, checker, ctx):
    """The measured part is over: stop everybody left (daemons, leftover workers), reap them all."""
    kill_everything_else()
    while reap_all(watch.statuses, watch.child.pid, block=True):
        pass
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if checker is not None and hasattr(checker, "teardown"):
        try:
            checker.teardown(ctx)
        except Exception:
            pass
    watch.drain()
    return after


def measured(watch, after):
    """The figures of the run, measured here: wall, CPU of every reaped descendant, peaks, output."""
    child = watch.child
    end = watch.t_value if watch.t_value is not None else time.monotonic()
    result = {
        "wallMs": round((end - child.t0) * 1000.0, 3),
        "userMs": round((after.ru_utime - child.before.ru_utime) * 1000.0, 3),
        "sysMs": round((after.ru_stime - child.before.ru_stime) * 1000.0, 3),
        "maxThreads": watch.sampler.max_threads,
        "maxProcesses": watch.sampler.max_processes,
        "peakMemoryMb": round(watch.sampler.peak_rss / 1048576.0, 3),
        "stdout": capped(watch.streams[child.out_r].decode("utf-8", "replace")),
        "stderr": capped(watch.streams[child.err_r].decode("utf-8", "replace")),
        "outputTruncated": watch.truncated or any(len(watch.streams[fd]) > TEXT_MAX_CHARS
                                                  for fd in (child.out_r, child.err_r)),
    }
    result["cpuMs"] = round(result["userMs"] + result["sysMs"], 3)
    child_status = watch.statuses.get("child")
    if child_status is not None:
        if os.WIFSIGNALED(child_status):
            result["signal"] = os.WTERMSIG(child_status)
        elif os.WIFEXITED(child_status):
            result["exitCode"] = os.WEXITSTATUS(child_status)
    return result


def capped(text, limit=TEXT_MAX_CHARS):
    """A text the student's process produced, cut at `limit` characters with a note saying so."""
    text = text if isinstance(text, str) else json.dumps(text)
    if len(text) <= limit + 64:     # room for the child's own note: never cut twice
        return text
    return text[:limit] + "\n… [cut: %d characters in all]" % len(text)


def depth_over(value, limit):
    """Whether a parsed value nests deeper than `limit` (iterative: no recursion on the student's data)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (list, dict)):
            if depth > limit:
                return True
            stack.extend((v, depth + 1) for v in (item.values() if isinstance(item, dict) else item))
    return False


def student_message(watch):
    """The child's value message, or why it is refused: the student's doing (RUNTIME_ERROR), never ours."""
    if watch.rejected:
        return None, watch.rejected
    line = bytes(watch.streams[watch.child.res_r]).split(b"\n", 1)[0]
    if not line:
        return None, None
    try:
        message = json.loads(line.decode("utf-8"))
    except RecursionError:
        return None, "your function returned a value nested too deeply to grade (more than %d levels)" % MAX_DEPTH
    except ValueError:
        return None, "your code wrote something that is not a value on the harness's result channel"
    if not isinstance(message, dict) or message.get("kind") not in ("ok", "error"):
        return None, "your code wrote something that is not a value on the harness's result channel"
    if depth_over(message.get("value"), MAX_DEPTH):
        return None, "your function returned a value nested too deeply to grade (more than %d levels)" % MAX_DEPTH
    return message, None


def outcome(watch, result):
    """What the child's value message says (ok, error, refused, or nothing: crashed), unless a limit decided first."""
    status = watch.status
    if status is None:
        message, refused = student_message(watch)
        if refused:
            status = "rejected"
            result["error"] = {"type": "ValueError", "message": refused, "traceback": ""}
        elif message is None:
            status = "crashed"
        elif message["kind"] == "ok":
            status = "ok"
            result["value"] = message.get("value")
        else:
            status = "error"
            error = message.get("error") if isinstance(message.get("error"), dict) else {}
            result["error"] = {"type": capped(error.get("type", "Exception"), 200),
                               "message": capped(error.get("message", "")),
                               "traceback": capped(error.get("traceback", ""))}
    if status == "timeout":
        lines = watch.streams[watch.child.stk_r].decode("utf-8", "replace").splitlines(True)
        result["stacks"] = capped("".join(l for l in lines if '"%s/' % PATHS["harness"] not in l))
    result["status"] = status
    return result


def run(spec):
    limits = Limits(spec)
    checker, ctx, params = start_checker(spec)
    child_spec = child_spec_of(spec, checker, params)
    own = OwnSettings()     # before any student code runs
    watch = Watch(Child(spec["nonce"], child_spec), limits, own)
    watch.holding = child_spec["hold"]
    watch.loop()
    if watch.holding:
        if watch.status is None and watch.t_value is not None:
            ctx.leftovers = leftovers(watch.child.pid, leftovers_grace(checker))
        watch.holding, watch.t_release = False, time.monotonic()
        watch.child.release()
        watch.loop()
    after = end_run(watch, checker, ctx)
    result = verified(checker, ctx, params, outcome(watch, measured(watch, after)))
    evidence = sys.modules["local_service"].evidence() if "local_service" in sys.modules else None
    if evidence is not None:
        result["service"] = evidence
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


def protect():
    """Before anything else: nobody in the sandbox may trace us, read our memory or open our fds
    (/proc/1/fd, /proc/1/mem), and no signal from the sandbox reaches us: as the pid namespace's init
    we get only signals we handle, so Python's SIGINT handler goes. Orphans are re-parented to us
    (init, or the subreaper where we do not own the pid namespace), so we reap and count them."""
    prctl(PR_SET_DUMPABLE, 0)
    for sig in signal.valid_signals():
        try:
            if callable(signal.getsignal(sig)):
                signal.signal(sig, signal.SIG_DFL)
        except (OSError, ValueError):
            pass
    prctl(PR_SET_CHILD_SUBREAPER, 1)


def open_channels():
    """The result channel (a copy of stdout, held by us alone) and the spec read from stdin; stdout and
    stdin then become stderr and /dev/null, so stray prints (e.g. from a checker) never reach the result."""
    os.closerange(3, 1024)
    result_out = os.fdopen(os.dup(1), "w", encoding="ascii")
    devnull = os.open("/dev/null", os.O_RDWR)
    raw = sys.stdin.buffer.read()
    os.dup2(devnull, 0)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    return result_out, json.loads(raw.decode("utf-8"))


def main():
    protect()
    result_out, spec = open_channels()
    nonce = spec.get("nonce", "")
    global OWN_PID_NAMESPACE
    if spec.get("paths"):
        PATHS.update(spec["paths"])
        OWN_PID_NAMESPACE = False
    try:
        if spec.get("protocol") != PROTOCOL:
            raise ValueError("unsupported protocol %r" % spec.get("protocol"))
        result = run(spec)
    except Exception as e:  # our own failure: reported as such, never blamed on the student
        kill_everything_else()
        import traceback
        result = {"status": "internal", "error": {"type": type(e).__name__, "message": str(e),
                                                    "traceback": traceback.format_exc()}}
    result_out.write("PARAGRADE/%d %s %s\n" % (PROTOCOL, nonce, json.dumps(result, ensure_ascii=True)))
    result_out.flush()


if __name__ == "__main__":
    main()
