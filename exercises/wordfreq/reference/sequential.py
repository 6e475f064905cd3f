"""Sequential reference: one file after the other."""
import re
from collections import Counter

WORD = re.compile(r"[a-z']+")


def count_words(path):
    with open(path, encoding="utf-8") as f:
        return Counter(WORD.findall(f.read().lower()))


def word_frequencies(paths, workers=1):
    total = Counter()
    for path in paths:
        total.update(count_words(path))
    return dict(total)
