# What a student sees of the filter: its state in /proc, the argument rules, no filter fd left behind.
import ctypes
import errno
import os

libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long


def call(nr, *args):
    """The raw system call through glibc's syscall(): "ok" or the errno's name."""
    ctypes.set_errno(0)
    r = libc.syscall(ctypes.c_long(nr), *[ctypes.c_long(a) if isinstance(a, int) else a for a in args])
    if r >= 0:
        return "ok"
    e = ctypes.get_errno()
    return errno.errorcode.get(e, str(e))

import socket


def status(pid):
    try:
        with open("/proc/%s/status" % pid) as f:
            lines = dict(l.split(":", 1) for l in f.read().splitlines() if ":" in l)
    except OSError as e:
        return type(e).__name__
    return {k: lines.get(k, "").strip() for k in ("Seccomp", "Seccomp_filters", "NoNewPrivs")}


def run():
    fds = {}
    for fd in os.listdir("/proc/self/fd"):
        try:
            fds[fd] = os.readlink("/proc/self/fd/" + fd)
        except OSError:
            pass
    try:
        socket.socket(40, socket.SOCK_STREAM).close()   # AF_VSOCK
        vsock = "ok"
    except OSError as e:
        vsock = errno.errorcode.get(e.errno, str(e.errno))
    return {
        "self": status("self"),
        "pid1": status(1),
        "parent": status(os.getppid()),
        "fds": fds,
        "personality_query": call(135, 0xffffffff),
        "personality_no_randomize": call(135, 0x0040000),
        "vsock": vsock,
        "unix_socket": call(41, 1, 1, 0),
    }
