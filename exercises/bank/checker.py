"""Checker for `bank`: hammers the student's Bank from many threads.

drive() runs in the student's process (under stress the harness has made
sys.setswitchinterval tiny, so a thread can be switched out between any two
bytecodes). The threads transfer in both directions between the same
accounts at once, so per-account locks taken in an inconsistent order
deadlock, and an unlocked read-modify-write loses updates. Every transfer
has enough funds, so any correct Bank ends with the same balances whatever
the interleaving: the value returned is deterministic for correct code.
"""
import sys
import threading
import time
import traceback

DEADLOCK_SECONDS = 5.0


def plan(thread, n_threads, transfers, accounts):
    """The transfers one thread makes: (src, dst, amount), both directions."""
    share = transfers // n_threads + (1 if thread < transfers % n_threads else 0)
    for k in range(share):
        src = (3 * k + thread) % accounts
        dst = (src + 1 + (k + thread) % (accounts - 1)) % accounts
        yield src, dst, 1 + (k * 7 + thread + k // 3) % 9


def hammer(bank, thread, n_threads, transfers, accounts, start, results):
    moves = list(plan(thread, n_threads, transfers, accounts))
    start.wait()
    ok = 0
    for src, dst, amount in moves:
        if bank.transfer(src, dst, amount):
            ok += 1
    results[thread] = ok


def audit(bank, expected_total, stop, counts):
    """While transfers run, total() must always see all the money."""
    while not stop.is_set():
        counts["audits"] += 1
        if bank.total() != expected_total:
            counts["mismatches"] += 1
        time.sleep(0.0005)


def short_funds_checks(solution):
    """Single-threaded: the rule for refused transfers, and src == dst."""
    bank = solution.Bank([10, 0, 5])
    log = []

    def step(src, dst, amount):
        log.append([src, dst, amount, bool(bank.transfer(src, dst, amount)),
                    [bank.balance(i) for i in range(3)], bank.total()])

    step(0, 1, 11)   # short: refused, nothing changes
    step(0, 1, 10)   # exactly all of it
    step(0, 2, 1)    # now empty: refused
    step(2, 2, 5)    # to itself: allowed, no change
    step(2, 2, 6)    # to itself but short: refused
    step(1, 2, 4)
    return log


def _stacks(threads):
    frames = sys._current_frames()
    out = []
    for t in threads:
        frame = frames.get(t.ident)
        if frame is not None:
            out.append(f"{t.name}:\n" + "".join(traceback.format_stack(frame)[-3:]))
    return "\n".join(out)


def drive(solution, params):
    accounts = params["accounts"]
    transfers = params["transfers"]
    n_threads = max(1, params["workers"])
    initial = [9 * transfers + 1000 * i for i in range(accounts)]
    bank = solution.Bank(list(initial))
    expected_total = sum(initial)

    start = threading.Barrier(n_threads + 1)
    results = [0] * n_threads
    threads = [threading.Thread(target=hammer, name=f"teller-{t}", daemon=True,
                                args=(bank, t, n_threads, transfers, accounts, start, results))
               for t in range(n_threads)]
    for t in threads:
        t.start()
    stop = threading.Event()
    counts = {"audits": 0, "mismatches": 0}
    auditor = threading.Thread(target=audit, name="auditor", daemon=True,
                               args=(bank, expected_total, stop, counts))
    start.wait()
    auditor.start()
    deadline = time.monotonic() + DEADLOCK_SECONDS
    for t in threads:
        t.join(max(0.0, deadline - time.monotonic()))
    stop.set()
    stuck = [t for t in threads if t.is_alive()]
    if stuck:
        raise RuntimeError(
            f"{len(stuck)} of {n_threads} threads were still inside transfer() after "
            f"{DEADLOCK_SECONDS:.0f} s: a deadlock (locks taken in different orders?).\n"
            + _stacks(stuck))
    auditor.join(DEADLOCK_SECONDS)

    return {
        "balances": [bank.balance(i) for i in range(accounts)],
        "total": bank.total(),
        "succeeded": sum(results),
        "auditMismatches": counts["mismatches"],
        "shortFunds": short_funds_checks(solution),
    }
