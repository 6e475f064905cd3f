"""Checker for `shared-corpus`: builds the text in the student's process and checks the counts' shape.

drive() makes a deterministic text of `size` bytes out of a random vocabulary of `vocabulary` words
(lower-case letters, 3 to 9 of them, separated by spaces and line breaks), picks `words` of the
vocabulary as the words to search for (plus, when a case asks, words the text cannot contain, a
word longer than the text, or the same words twice), calls count_words(text, words, workers) and
returns the counts. The text lives in the student's process only: getting it to worker processes
is the lesson.

Building must stay cheap beside the counting (it is inside every timed run, the same for all): a
base of about 1 MB of random vocabulary words is built word by word, and the text
is that base's stretches of 16-64 KB, taken at random offsets, one after another: 32 MB in about
an eighth of the time counting 32 words in it takes (120-160 ms against 1.0-1.1 s, measured on a
busy machine; the count is about 550 ms on a quiet one).
"""
import random

LETTERS = b"etaoinshrdlcumwfgypbvkjxqz"
TO_LETTER = bytes(LETTERS[v % len(LETTERS)] for v in range(256))


def make_vocabulary(count, rng):
    lengths = [rng.randint(3, 9) for _ in range(count)]
    raw = rng.randbytes(sum(lengths)).translate(TO_LETTER)
    words, at = [], 0
    for n in lengths:
        words.append(raw[at:at + n])
        at += n
    return words


def make_text(size, vocabulary, rng):
    vocab = make_vocabulary(vocabulary, rng)
    base = b" ".join(rng.choices(vocab, k=max(16, min(size, 1 << 20) // 7 + 16))) + b"\n"
    if len(base) >= size:
        return base[:max(0, size)], vocab
    base *= 2                                   # so that a stretch from any offset in the first half fits
    half = len(base) // 2
    pieces, total = [], 0
    while total < size:
        start = rng.randrange(half)
        pieces.append(base[start:start + min(rng.randint(16 << 10, 64 << 10), size - total)])
        total += len(pieces[-1])
    return b"".join(pieces), vocab


def make_case(params):
    """The text and the words of one case (the same for every solution: a seeded random)."""
    rng = random.Random(params.get("seed", 7))
    text, vocab = make_text(params["size"], params.get("vocabulary", 5000), rng)
    words = rng.sample(vocab, min(params.get("words", 32), len(vocab)))
    words += [b"QX" * (i + 2) for i in range(params.get("absent", 0))]     # upper case: never in the text
    if params.get("longer"):
        words.append(b"z" * (len(text) + 1))
    if params.get("duplicates"):
        words += words[::2]
    return text, words


def drive(solution, params):
    text, words = make_case(params)
    counts = solution.count_words(text, list(words), params["workers"])
    if not isinstance(counts, (list, tuple)) or not all(isinstance(c, int) and not isinstance(c, bool) for c in counts):
        return {"error": "count_words must return a list of ints, one count per word", "got": type(counts).__name__}
    if len(counts) != len(words):
        return {"error": f"count_words returned {len(counts)} counts for {len(words)} words"}
    return {"words": len(words), "counts": list(counts)}
