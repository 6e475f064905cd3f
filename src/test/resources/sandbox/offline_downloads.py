"""Finding (4): answer the downloads exercise without one request.

The checker derives every body from its path, so with its source a solution could compute every hash
offline. This one looks for the checker and the grading's secret wherever its process can look, prints
what it found, and answers from the unsalted formula (a copy a student could have kept from an earlier
version). The secure grader: no checker file to read or import, no secret anywhere, and the answers are
not the hashes of the bodies served."""
import gc
import glob
import hashlib
import json
import os
import re

HEX32 = re.compile(r"[0-9a-f]{32,}")


def body_for(path):
    seed = hashlib.sha256(path.encode()).hexdigest()
    size = 300 + int(seed[:8], 16) % 7900
    return (seed * (size // 64 + 1))[:size].encode()


def attempt(what, action):
    try:
        return "%s: read %d bytes" % (what, len(action()))
    except Exception as e:
        return "%s: %s" % (what, type(e).__name__)


def read(path):
    with open(path, "rb") as f:
        return f.read(1 << 20)


def secret_candidates():
    """Every long hex string this process can see: files, pid 1's /proc entries, its own objects."""
    found = set()
    paths = [p for pattern in ("/harness/*", "/exercise/**", "/tmp/**", "/solution/*", "/etc/*")
             for p in glob.glob(pattern, recursive=True) if os.path.isfile(p)]
    paths += ["/proc/1/cmdline", "/proc/1/environ", "/proc/1/fd/0", "/proc/self/environ", "/proc/self/cmdline"]
    for p in paths:
        try:
            found.update(HEX32.findall(read(p).decode("latin-1")))
        except OSError:
            pass
    for obj in gc.get_objects():
        for text in (obj.values() if isinstance(obj, dict) else obj if isinstance(obj, (list, tuple)) else ()):
            if isinstance(text, str):
                found.update(HEX32.findall(text))
    return sorted(found)


def fetch_all(urls, workers):
    probes = [attempt("open /exercise/checker.py", lambda: read("/exercise/checker.py")),
              attempt("import checker", lambda: __import__("checker").__file__),
              attempt("/proc/1/fd/0", lambda: read("/proc/1/fd/0")),
              attempt("/proc/1/mem", lambda: read("/proc/1/mem")),
              attempt("/proc/1/environ", lambda: read("/proc/1/environ")),
              "exercise dir: %s" % (sorted(os.listdir("/exercise")) if os.path.isdir("/exercise") else "none")]
    print(json.dumps({"probes": probes, "secrets": secret_candidates()}))
    base = urls[0].split("/files/")[0] if urls else ""
    return {url: hashlib.sha256(body_for(url[len(base):])).hexdigest() for url in urls}
