"""Finds, in a student's submitted source, the places that reach for the grader instead of the task.

Run by the grading engine inside the sandbox like any solution (entry ``scan``), on the submitted files
passed as text: it never imports or runs them, it only parses them with ``ast``. Each finding is a place
a grader should look at, not a verdict: the grade is computed as usual and sent to review.
"""
import ast

# Modules of the grader itself: a solution has no business importing them.
HARNESS_MODULES = {"supervisor", "child", "checker", "local_service", "paragrade"}
# Calls that change how the interpreter schedules or observes threads (the stress test sets the switch
# interval itself; tracing and profiling hooks see the checker's frames).
INTERPRETER_HOOKS = {
    ("sys", "setswitchinterval"): "changes the thread switch interval the stress test relies on",
    ("sys", "settrace"): "installs a trace hook that sees every frame, the checker's included",
    ("sys", "setprofile"): "installs a profile hook that sees every frame, the checker's included",
    ("threading", "settrace"): "installs a trace hook in every thread",
    ("threading", "setprofile"): "installs a profile hook in every thread",
    ("sys", "_getframe"): "reads the caller's frames (the grader's code)",
    ("inspect", "currentframe"): "reads the caller's frames (the grader's code)",
    ("inspect", "stack"): "reads the caller's frames (the grader's code)",
    ("gc", "get_objects"): "searches the interpreter's objects (the grader's included)",
    ("gc", "get_referrers"): "searches the interpreter's objects (the grader's included)",
    ("gc", "get_referents"): "searches the interpreter's objects (the grader's included)",
}
# Modules whose attributes a solution must not replace: the checker and the measurement use them.
PATCHED_MODULES = {"time", "threading", "multiprocessing", "os", "sys", "builtins", "concurrent", "asyncio",
                   "queue", "gc", "signal"}
MAX_FINDINGS = 50


def scan(files):
    findings = []
    for name, source in sorted(files.items()):
        if not name.endswith(".py"):
            findings.append({"file": name, "line": 0, "what": "a file that is not Python source is submitted beside"
                             " the solution (it could be loaded or executed without being read here)"})
            continue
        findings.extend(_scan_file(name, source))
    findings.sort(key=lambda f: (f["file"], f["line"]))
    return findings[:MAX_FINDINGS]


def _scan_file(name, source):
    data = source.encode("utf-8", "surrogatepass")
    cookie = _coding_cookie(data)
    if cookie and cookie.replace("_", "-").lower() not in ("utf-8", "utf8"):
        return [{"file": name, "line": 1, "what": "declares the source encoding '%s': Python would read other code"
                 " than the UTF-8 text that was submitted" % cookie[:40]}]
    try:
        tree = ast.parse(data, filename=name)  # bytes: Python's own reading, coding cookie included
    except (SyntaxError, ValueError):
        return []  # correctness reports a file that does not parse
    except (RecursionError, MemoryError):
        return [{"file": name, "line": 0, "what": "nested too deeply to be read by the scanner"}]
    aliases = _aliases(tree)
    found = []
    for node in ast.walk(tree):
        try:
            finding = _judge(node, aliases)
        except (RecursionError, MemoryError, ValueError):
            finding = "an expression nested too deeply to be read by the scanner"
        if finding:
            found.append({"file": name, "line": getattr(node, "lineno", 0), "what": finding[:300]})
    return found


def _coding_cookie(data):
    import tokenize, io
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as e:
        return str(e)
    return None if encoding in ("utf-8", "utf-8-sig") else encoding


def _aliases(tree):
    """import time as t: t is time. Names bound to a module, so t.sleep = ... is seen as time.sleep."""
    aliases = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                aliases[a.asname or a.name.split(".")[0]] = a.name.split(".")[0] if not a.asname else a.name
    for node in ast.walk(tree):  # m = sys: m is sys too
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Name) and node.value.id in aliases:
            for t in node.targets:
                if isinstance(t, ast.Name):
                    aliases[t.id] = aliases[node.value.id]
    return aliases


def _judge(node, aliases):
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return _imports(node)
    if isinstance(node, ast.Attribute):
        return _attribute(node, aliases)
    if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Delete)):
        return _patch(node, aliases)
    if isinstance(node, ast.Call):
        return _call(node, aliases)
    if isinstance(node, ast.Name) and node.id in ("__builtins__", "__loader__", "__spec__"):
        return "reaches into %s (the interpreter's own namespace)" % node.id
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and ("/proc" in node.value or node.value == "/pr"):
        return "reads /proc (the grader's processes and their measurements live there)"
    return None


def _imports(node):
    names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
    for full in names:
        top = full.split(".")[0]
        if top in ("ctypes", "_ctypes") or full == "multiprocessing.sharedctypes" and isinstance(node, ast.Import):
            return "imports %s (raw access to the interpreter's memory and to system calls)" % full
        if top in HARNESS_MODULES:
            return "imports the grader's own module '%s'" % full
        if top == "importlib":
            return "imports importlib (modules loaded by a name the scanner cannot read)"
    if isinstance(node, ast.ImportFrom):
        for a in node.names:
            why = INTERPRETER_HOOKS.get((node.module or "", a.name))
            if why or (node.module or "").split(".")[0] in ("ctypes", "_ctypes") or a.name == "ctypes":
                return "from %s import %s: %s" % (node.module, a.name, why or "raw access to the interpreter")
    return None


def _attribute(node, aliases):
    if isinstance(node.ctx, (ast.Store, ast.Del)) and _root_module(node, aliases):
        return _replaces(node, aliases)
    if node.attr in ("__dict__", "__builtins__", "__globals__", "__code__", "__closure__", "f_back", "f_globals"):
        return "reaches into %s (the interpreter's namespaces and frames)" % node.attr
    if isinstance(node.value, ast.Name):
        module = aliases.get(node.value.id, node.value.id)
        why = INTERPRETER_HOOKS.get((module, node.attr))
        if why:
            return "%s.%s: %s" % (module, node.attr, why)
        if module == "sys" and node.attr == "modules":
            return "sys.modules: replaces or reaches into loaded modules (the grader's included)"
    return None


def _patch(node, aliases):
    return None  # assignments are judged at their Attribute targets (Store or Del context), tuples and loops included


def _replaces(target, aliases):
    module = _root_module(target, aliases)
    written = ast.unparse(target)
    name = module + written[written.index("."):] if "." in written else written
    shown = name if name == written else "%s (as %s)" % (name, written)
    return "replaces %s, which the grader uses to measure and check" % shown


def _root_module(target, aliases):
    """The module name when target is an attribute of one of the patched modules (time.sleep, os.path.x)."""
    if not isinstance(target, ast.Attribute):
        return None
    base = target.value
    while isinstance(base, ast.Attribute):
        base = base.value
    if not isinstance(base, ast.Name):
        return None
    module = aliases.get(base.id, base.id).split(".")[0]
    return module if module in PATCHED_MODULES else None


def _call(node, aliases):
    f = node.func
    name = f.id if isinstance(f, ast.Name) else None
    if name in ("setattr", "delattr") and node.args and isinstance(node.args[0], ast.Name) \
            and aliases.get(node.args[0].id, node.args[0].id).split(".")[0] in PATCHED_MODULES:
        return "%s on the module %s, which the grader uses to measure and check" % (
            name, aliases.get(node.args[0].id, node.args[0].id))
    if name in ("exec", "eval", "compile", "__import__"):
        return "%s(): runs or loads code the scanner cannot read" % name
    if name in ("getattr", "vars") and node.args and isinstance(node.args[0], ast.Name) \
            and aliases.get(node.args[0].id, node.args[0].id).split(".")[0] in PATCHED_MODULES | {"sys"}:
        return "%s on the module %s (reaches its attributes by a name the scanner cannot read)" % (
            name, aliases.get(node.args[0].id, node.args[0].id))
    if isinstance(f, ast.Attribute) and f.attr in ("__setattr__", "__delattr__"):
        return "%s(): sets attributes past the language's checks" % f.attr
    return None
