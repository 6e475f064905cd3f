# Hostile: perf_event_open, even for a user-space-only software counter of itself.
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
    attr = ctypes.create_string_buffer(128)             # struct perf_event_attr
    ctypes.c_uint32.from_buffer(attr, 0).value = 1      # type PERF_TYPE_SOFTWARE
    ctypes.c_uint32.from_buffer(attr, 4).value = 128    # size
    ctypes.c_uint64.from_buffer(attr, 8).value = 0      # config PERF_COUNT_SW_CPU_CLOCK
    ctypes.c_uint64.from_buffer(attr, 40).value = (1 << 5) | (1 << 6)   # exclude_kernel | exclude_hv
    return {
        "perf_event_open": call(298, attr, 0, -1, -1, 0),
        "probe": call(298, 0, 0, -1, -1, 0),            # NULL attr: EFAULT from the kernel
    }
