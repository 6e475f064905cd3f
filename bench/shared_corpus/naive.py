"""shared-corpus solved by copying, the naive way: the text pickled with every task.

Correct, and what a student writes first: pool.map(count, [text] * len(words), words). Every one of
the tasks (48 in the benchmark) carries the whole text through the pipe, pickled by the parent one after the other.
bench/shared_corpus/run times it.
"""
from concurrent.futures import ProcessPoolExecutor


def _count(text, word):
    return text.count(word)


def count_words(text, words, workers):
    workers = max(1, min(workers, len(words)))
    if workers == 1:
        return [text.count(word) for word in words]
    with ProcessPoolExecutor(workers) as pool:
        return list(pool.map(_count, [text] * len(words), words))
