import os
import signal

def run():
    os.kill(-1, signal.SIGKILL)
    return "survived"
