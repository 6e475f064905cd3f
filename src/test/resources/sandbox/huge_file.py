def run():
    chunk = b"x" * (1024 * 1024)
    with open("/tmp/huge", "wb") as f:
        for _ in range(48):  # beyond RLIMIT_FSIZE (32 MB), below the /tmp cap
            f.write(chunk)
            f.flush()
