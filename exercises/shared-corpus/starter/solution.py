"""Searching a text: the starting point.

Correct but sequential: `workers` is accepted and ignored. Make it count the words in `workers`
worker processes that read the text from shared memory (see the statement), instead of sending
the text to them through the pool's pipes.
"""


def count_words(text: bytes, words: list[bytes], workers: int) -> list[int]:
    """How many times each word occurs in `text` (text.count(word): non-overlapping), in the words' order."""
    # TODO: put `text` in shared memory once, let `workers` processes attach to it when they start,
    # and send them only the words.
    return [text.count(word) for word in words]
