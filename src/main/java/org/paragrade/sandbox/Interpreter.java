package org.paragrade.sandbox;

import java.nio.file.Path;
import java.util.Locale;

/**
 * One interpreter student code can run on, as the sandbox found it at start: resolved to its real binary and
 * probed once inside a sandbox built like a run's.
 *
 * @param id             what exercises name it by ({@code benchmark.interpreters}); the default one's is
 *                       derived from its version ({@code cpython-3.11}, {@code cpython-3.13t}) unless the list
 *                       names the same binary
 * @param label          for people
 * @param configured     the path as configured
 * @param executable     the real binary (null when it could not be resolved)
 * @param prefix         its installation prefix, mounted read-only at the same path in its runs
 * @param version        {@code sys.version}'s first word
 * @param freeThreaded   a free-threaded build ({@code Py_GIL_DISABLED}, PEP 703)
 * @param gilEnabled     {@code sys._is_gil_enabled()} in the sandbox, where it exists; else true (every build
 *                       before 3.13 has the GIL)
 * @param isDefault      the interpreter of {@code paragrade.python}: what runs when an exercise names none
 * @param optional       configured with {@code ?}: absent on this machine without that being a fault
 * @param failure        why it cannot run student code here (null when it can)
 */
public record Interpreter(String id, String label, String configured, Path executable, Path prefix, String version,
                          boolean freeThreaded, boolean gilEnabled, boolean isDefault, boolean optional,
                          String failure) {

    public boolean usable() {
        return failure == null;
    }

    /** Configured as optional and not installed here: not a fault, but nothing can run on it. */
    public boolean absent() {
        return optional && failure != null;
    }

    /** {@code cpython-3.11} or {@code cpython-3.13t}: the id of the default interpreter when the list has no name for it. */
    static String derivedId(String version, boolean freeThreaded) {
        String[] parts = version.split("\\.");
        String minor = parts.length >= 2 ? parts[0] + "." + parts[1] : version;
        return "cpython-" + minor + (freeThreaded ? "t" : "");
    }

    /** "CPython 3.13.5, free-threaded (GIL off)", "CPython 3.11.2 (GIL on)". */
    static String describe(String version, boolean freeThreaded, boolean gilEnabled) {
        return "CPython " + version + (freeThreaded ? ", free-threaded" : "") + (gilEnabled ? " (GIL on)" : " (GIL off)");
    }

    /** One line for the health check and the log: "3.13.5, free-threaded, GIL off, /opt/…/python3.13t". */
    public String summary() {
        if (failure != null) {
            return (absent() ? "not installed (optional): " : "BROKEN: ") + failure;
        }
        return String.format(Locale.ROOT, "%s%s, GIL %s, %s%s", version, freeThreaded ? ", free-threaded" : "",
                gilEnabled ? "on" : "off", executable, isDefault ? " (default)" : "");
    }
}
