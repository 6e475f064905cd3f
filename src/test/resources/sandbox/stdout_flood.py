import sys

def run():
    line = "flood " * 100 + "\n"
    while True:
        sys.stdout.write(line)
        sys.stderr.write(line)
