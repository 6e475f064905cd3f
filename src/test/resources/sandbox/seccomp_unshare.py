# Hostile: new namespaces (unshare, clone with CLONE_NEWUSER, setns) and clone3.
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

CLONE_NEWUSER = 0x10000000
CLONE_NEWNS = 0x00020000
CLONE_NEWNET = 0x40000000
SIGCHLD = 17


def clone(flags):
    ctypes.set_errno(0)
    r = libc.syscall(ctypes.c_long(56), ctypes.c_long(flags), ctypes.c_long(0), ctypes.c_long(0),
                     ctypes.c_long(0), ctypes.c_long(0))
    if r == 0:
        os._exit(0)                                     # the child of a clone that should never have happened
    if r > 0:
        os.waitpid(r, 0)
        return "ok"
    e = ctypes.get_errno()
    return errno.errorcode.get(e, str(e))


def run():
    return {
        "unshare_newuser": call(272, CLONE_NEWUSER),
        "unshare_newns_newnet": call(272, CLONE_NEWNS | CLONE_NEWNET),
        "clone_newuser": clone(CLONE_NEWUSER | SIGCHLD),
        "setns": call(308, -1, 0),                      # EBADF from the kernel
        "clone3": call(435, 0, 0),                      # EINVAL from the kernel; ENOSYS from the filter
        "probe": call(272, 0x1),                        # an invalid unshare flag: EINVAL
    }
