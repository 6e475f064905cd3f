import subprocess
import sys

def run():
    # a process the test can find from the host by its command line, to read its host uid
    subprocess.run([sys.executable, "-c", "import time; time.sleep(2)  # PG_UID_PROBE_4242"], check=True)
    return "done"
