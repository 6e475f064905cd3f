import os

def peek(path):
    try:
        if os.path.isdir(path):
            return "dir:" + ",".join(sorted(os.listdir(path)))
        with open(path, "rb") as f:
            return "read:" + f.read(200).decode("utf-8", "replace")
    except OSError as e:
        return type(e).__name__

def run(paths):
    return {p: peek(p) for p in paths + ["/", "/etc", "/etc/shadow", "/root", "/work", "/home", "/var"]}
