"""An exception with a 7 MB message (issue 11, finding 8)."""


def run():
    raise ValueError("x" * 7_000_000)
