"""Checker for `shared-image`: builds the image in the student's process and fingerprints the result.

drive() makes a deterministic grayscale image of `pixels` bytes (random levels
squashed towards black, so equalising changes almost every pixel), calls
equalise(image, workers), which must change the bytearray in place, and
returns the result's length, SHA-256 and first bytes. The image lives in the
student's process: getting it to worker processes, and the result back, is
part of the lesson.
"""
import hashlib
import random

DARK = bytes(min(255, (v * v) // 600) for v in range(256))


def make_image(n, seed, levels=256):
    raw = random.Random(seed).randbytes(n)
    if levels < 256:                      # a narrow image: only `levels` grey levels, all dark
        raw = raw.translate(bytes(v % levels for v in range(256)))
        return bytearray(raw)
    return bytearray(raw.translate(DARK))


def drive(solution, params):
    image = make_image(params["pixels"], params.get("seed", 7), params.get("levels", 256))
    returned = solution.equalise(image, params["workers"])
    if not isinstance(image, bytearray) or len(image) != params["pixels"]:
        return {"error": "equalise must change the bytearray in place and keep its length"}
    return {
        "pixels": len(image),
        "returned": None if returned is None else type(returned).__name__,
        "first": list(image[:8]),
        "sha256": hashlib.sha256(image).hexdigest(),
    }
