"""shared-corpus with a Manager: the text held by the manager's server process, the counts in a manager list.

Every access through a proxy is a message to the manager process and its answer. The parent hands the
text to the manager (a pickle through its socket), each worker fetches it once when it starts (another
pickle, out of the manager process, one worker after the other), and every count is written back with
one round trip. Correct, and flexible (any picklable value, lists that grow), but the text still
travels twice: never the tool for bulk data. bench/shared_corpus/run times it.
"""
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Manager

_text = None
_counts = None


def _attach(namespace, counts):
    global _text, _counts
    _text, _counts = namespace.text, counts        # one round trip that carries the whole text


def _count(i, word):
    _counts[i] = _text.count(word)                 # one round trip per word


def count_words(text, words, workers):
    workers = max(1, min(workers, len(words)))
    if workers == 1:
        return [text.count(word) for word in words]
    with Manager() as manager:
        namespace = manager.Namespace()
        namespace.text = text
        counts = manager.list([0] * len(words))
        with ProcessPoolExecutor(workers, initializer=_attach, initargs=(namespace, counts)) as pool:
            list(pool.map(_count, range(len(words)), words))
        return list(counts)
