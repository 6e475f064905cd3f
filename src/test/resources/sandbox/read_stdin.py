import sys

def run():
    # The sandbox gives stdin /dev/null: this returns at once instead of waiting forever.
    return sys.stdin.read()
