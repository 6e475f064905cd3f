import os

def run(where):
    # Fills a size-capped tmpfs: must end in an error, never touch the host's disk.
    chunk = b"x" * (1024 * 1024)
    i = 0
    while True:
        with open(os.path.join(where, "fill-%d" % i), "wb") as f:
            for _ in range(8):
                f.write(chunk)
        i += 1
