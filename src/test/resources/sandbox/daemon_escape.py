import os
import sys

def run():
    # Classic daemon: fork, setsid, fork again, and sleep far beyond the run.
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            os.execv(sys.executable, [sys.executable, "-c",
                                      "import time; time.sleep(600)  # PG_DAEMON_MARKER_7731"])
        os._exit(0)
    return "parent returned"
