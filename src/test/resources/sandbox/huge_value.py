"""A 1 MB value: more than the result channel takes."""


def run():
    return "y" * 1_000_000
