"""shared-corpus solved by copying, the careful way: the text sent once per worker, through the pool's pipes.

Correct, and what a student writes after the naive version: the words are split into one group per
worker, so the text goes through a pipe only `workers` times. Each time the parent pickles the whole
text and writes it into a pipe (one worker after the other, in the pool's feeder thread), the worker
reads and unpickles it. Not a bundle reference (reference names are fixed); bench/shared_corpus/run
times it beside the references.
"""
from concurrent.futures import ProcessPoolExecutor


def _count_group(text, group):
    return [text.count(word) for word in group]


def count_words(text, words, workers):
    workers = max(1, min(workers, len(words)))
    if workers == 1:
        return [text.count(word) for word in words]
    groups = [words[i::workers] for i in range(workers)]
    counts = [0] * len(words)
    with ProcessPoolExecutor(workers) as pool:
        for i, got in enumerate(pool.map(_count_group, [text] * workers, groups)):   # the text, pickled per group
            counts[i::workers] = got
    return counts
