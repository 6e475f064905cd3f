"""Sequential reference: histogram equalisation of a grayscale image, in place.

Two passes over the pixels: count how many pixels have each of the 256 grey
levels, turn the cumulative counts into a lookup table that spreads the levels
over 0..255, then replace every pixel through the table (bytes.translate).
`workers` is accepted and ignored.
"""
from collections import Counter


def equalisation_table(hist, n):
    """The lookup table (256 bytes) from a 256-entry histogram of n pixels."""
    cdf, total = [], 0
    for count in hist:
        total += count
        cdf.append(total)
    cdf_min = next((c for c in cdf if c), 0)
    span = n - cdf_min
    if span <= 0:                      # empty, or one grey level only: leave the image as it is
        return bytes(range(256))
    return bytes(((c - cdf_min) * 255 + span // 2) // span if c >= cdf_min else 0 for c in cdf)


def histogram(view):
    counts = Counter(view)
    return [counts.get(v, 0) for v in range(256)]


def equalise(pixels, workers):
    n = len(pixels)
    table = equalisation_table(histogram(pixels), n)
    pixels[:] = bytes(pixels).translate(table)
