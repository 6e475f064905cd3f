# Hostile: bpf(2) (maps, programs, the verifier).
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
    attr = ctypes.create_string_buffer(128)
    for offset, value in ((0, 2), (4, 4), (8, 8), (12, 1)):   # BPF_MAP_TYPE_ARRAY, key 4, value 8, 1 entry
        ctypes.c_uint32.from_buffer(attr, offset).value = value
    return {
        "bpf": call(321, 0, attr, 128),                 # BPF_MAP_CREATE
        "probe": call(321, 9999, 0, 0),                 # no such command: EINVAL
    }
