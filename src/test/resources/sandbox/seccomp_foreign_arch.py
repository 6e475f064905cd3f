# Hostile: other ABIs. x32 calls (the x86_64 arch with bit 30 in the number) and i386 calls through
# int 0x80, which the filter must kill.
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

import mmap
import signal

X32_SYSCALL_BIT = 0x40000000


def run():
    result = {"x32_getpid": call(X32_SYSCALL_BIT | 39)}
    code = bytes([0xb8, 20, 0, 0, 0, 0xcd, 0x80, 0xc3])     # mov eax, 20 (i386 getpid); int 0x80; ret
    pid = os.fork()
    if pid == 0:
        buf = mmap.mmap(-1, mmap.PAGESIZE, prot=mmap.PROT_READ | mmap.PROT_WRITE | mmap.PROT_EXEC)
        buf.write(code)
        f = ctypes.CFUNCTYPE(ctypes.c_int)(ctypes.addressof(ctypes.c_char.from_buffer(buf)))
        os._exit(0 if f() == os.getpid() else 3)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        result["i386_getpid"] = signal.Signals(os.WTERMSIG(status)).name
    else:
        result["i386_getpid"] = "exit %d" % os.WEXITSTATUS(status)
    return result
