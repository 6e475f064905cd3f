"""Equalising an image: the starting point.

Correct but sequential: `workers` is accepted and ignored. Make it use
`workers` processes that work on the image where it is, in shared memory
(see the statement), instead of sending slices of it through pipes.
Keep the two passes (histogram, then lookup table) as they are.
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


def equalise(pixels, workers):
    """Equalise the grayscale image `pixels` (a bytearray, one byte a pixel) in place."""
    counts = Counter(pixels)                                    # pass 1: the histogram
    table = equalisation_table([counts.get(v, 0) for v in range(256)], len(pixels))
    pixels[:] = bytes(pixels).translate(table)                  # pass 2: every pixel through the table
