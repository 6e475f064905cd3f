"""Processes reference: each worker reads and counts whole files.

Only the path goes to a worker (a short string) and only the file's Counter
comes back (a few thousand distinct words), never the text itself: what
crosses the process boundary stays small. The parent merges the Counters.
"""
import re
from collections import Counter
from concurrent.futures import ProcessPoolExecutor

WORD = re.compile(r"[a-z']+")


def count_words(path):
    with open(path, encoding="utf-8") as f:
        return Counter(WORD.findall(f.read().lower()))


def word_frequencies(paths, workers):
    total = Counter()
    if len(paths) <= 1 or workers <= 1:
        for path in paths:
            total.update(count_words(path))
        return dict(total)
    with ProcessPoolExecutor(max_workers=min(workers, len(paths))) as pool:
        for counts in pool.map(count_words, paths):
            total.update(counts)
    return dict(total)
