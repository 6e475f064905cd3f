# Hostile: the kernel keyrings (add_key, keyctl, request_key).
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

KEY_SPEC_PROCESS_KEYRING = -2
KEY_SPEC_SESSION_KEYRING = -3


def run():
    return {
        "add_key": call(248, b"user", b"paragrade", b"secret", 6, KEY_SPEC_PROCESS_KEYRING),
        "keyctl": call(250, 0, KEY_SPEC_SESSION_KEYRING, 1),       # KEYCTL_GET_KEYRING_ID, create
        "request_key": call(249, b"user", b"paragrade", 0, 0),
        "probe": call(250, 0x7fff, 0, 0),                            # no such operation: EOPNOTSUPP
    }
