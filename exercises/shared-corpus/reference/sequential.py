"""Sequential reference: count every word in the text, one after the other.

bytes.count scans the whole text once per word (non-overlapping occurrences, left to right).
`workers` is accepted and ignored.
"""


def count_words(text, words, workers):
    return [text.count(word) for word in words]
