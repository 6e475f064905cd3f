# Hostile: userfaultfd, the classic tool for widening kernel race windows.
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

O_CLOEXEC = 0o2000000
UFFD_USER_MODE_ONLY = 1


def run():
    return {
        "userfaultfd": call(323, O_CLOEXEC | UFFD_USER_MODE_ONLY),   # allowed to anyone by the kernel itself
        "probe": call(323, UFFD_USER_MODE_ONLY | 0x7ff00000),         # unknown flags: EINVAL
    }
