"""Review finding: a pipeline that prices right but leaves a process running, disguised as multiprocessing's
resource tracker (its command line begins like the helper's), so that a check by prefix would not count it.
The supervisor knows the helpers by the whole program they run."""
import subprocess
import sys
import urllib.request

DISGUISE = "from multiprocessing.resource_tracker import main\nimport time\ntime.sleep(30)"


def run_pipeline(orders, service, workers):
    subprocess.Popen([sys.executable, "-c", DISGUISE])
    totals = {}
    for order_id, customer, quantity in orders:
        with urllib.request.urlopen(f"{service}/quote/{order_id}", timeout=10) as response:
            totals[customer] = totals.get(customer, 0) + quantity * int(response.read())
    return totals
