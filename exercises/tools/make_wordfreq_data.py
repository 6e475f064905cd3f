#!/usr/bin/env python3
"""Regenerate exercises/wordfreq/data/ (deterministic; the files are committed).

Made-up prose: a Zipf-like vocabulary with apostrophes, capitals, digits,
punctuation and some non-ASCII letters (é, ß, ’), so that lower(), the
regex and the UTF-8 decoding all matter. Files of uneven sizes so that
one-file-per-task scheduling has to balance.
"""
import random
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "wordfreq" / "data"
SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "shi", "vo", "qu", "ex", "an", "el",
             "or", "ith", "ung", "café", "straße", "naïve", "zo", "pe", "dar", "wyn"]
SIZES_KB = [520, 410, 380, 300, 260, 220, 180, 150, 120, 90, 60, 30]  # ~2.7 MB


def vocabulary(rng, n=4000):
    words = set()
    while len(words) < n:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4)))
        if rng.random() < 0.05:
            word += rng.choice(["'s", "n't", "'ll"])
        words.add(word)
    return sorted(words)


def text(rng, vocab, weights, size):
    out, length = [], 0
    while length < size:
        sentence = rng.choices(vocab, weights, k=rng.randint(5, 18))
        sentence[0] = sentence[0].capitalize()
        if rng.random() < 0.2:
            sentence[rng.randrange(len(sentence))] = rng.choice(["42", "1999", "’quoted’", "UPPER", "x-ray"])
        line = " ".join(sentence) + rng.choice([". ", "! ", "? ", "; ", ".\n"])
        out.append(line)
        length += len(line.encode())
    return "".join(out)


def main():
    rng = random.Random(2024)
    vocab = vocabulary(rng)
    weights = [1 / (rank + 1) for rank in range(len(vocab))]
    OUT.mkdir(parents=True, exist_ok=True)
    for i, kb in enumerate(SIZES_KB):
        (OUT / f"book{i:02d}.txt").write_text(text(rng, vocab, weights, kb * 1024), encoding="utf-8")
    (OUT / "empty.txt").write_text("", encoding="utf-8")
    (OUT / "tiny.txt").write_text("Don't panic: it's only a TEST, a test's test.\nÉté ß 42\n",
                                  encoding="utf-8")


if __name__ == "__main__":
    main()
