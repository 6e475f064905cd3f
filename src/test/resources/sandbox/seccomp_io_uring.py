# Hostile: io_uring, a large kernel surface behind few calls (seccomp must answer EPERM).
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


def run():
    params = ctypes.create_string_buffer(120)          # struct io_uring_params, zeroed
    return {
        "io_uring_setup": call(425, 4, params),
        "io_uring_enter": call(426, 0, 1, 0, 0, 0, 0),
        "io_uring_register": call(427, 0, 0, 0, 0),
        # bad arguments: the kernel itself would say EFAULT or EINVAL; only a filter says EPERM first
        "probe": call(425, 0, 0),
    }
