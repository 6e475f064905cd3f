import os

def run(targets):
    planted = {}
    for i, target in enumerate(targets):
        link = "/tmp/link-%d" % i
        os.symlink(target, link)
        try:
            with open(link, "a") as f:
                f.write("pwned by the sandbox\n")
            planted[target] = "written"
        except OSError as e:
            planted[target] = type(e).__name__
    try:
        os.symlink("/etc/passwd", "/solution/evil")
        planted["/solution"] = "linked"
    except OSError as e:
        planted["/solution"] = type(e).__name__
    planted["solution_dir"] = sorted(os.listdir("/solution"))
    return planted
