package org.paragrade.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One configured interpreter of {@code paragrade.interpreters}: an id exercises name it by, the path (a name on
 * PATH, a pyenv shim or a real path, resolved at start), a label for people, and whether it is optional.
 *
 * <p>The setting is a comma-separated list of {@code id=path} entries, each optionally followed by {@code |label};
 * an entry starting with {@code ?} is optional: left out without a complaint when its path does not exist (so the
 * demo configuration can name an interpreter only some machines have). Example:
 * <pre>cpython-3.11=/usr/bin/python3.11|CPython 3.11, ?cpython-3.13t=/opt/paragrade/cpython-3.13t/bin/python3.13t</pre>
 *
 * @param label null: described from what the probe finds ("CPython 3.13.5, free-threaded")
 */
public record InterpreterEntry(String id, String path, String label, boolean optional) {
    /** Lowercase letters, digits, dots, dashes and plus signs, starting with a letter or digit. */
    public static final String ID_PATTERN = "[a-z0-9][a-z0-9.+-]{0,39}";

    public InterpreterEntry {
        if (id == null || !id.matches(ID_PATTERN)) {
            throw new IllegalArgumentException("interpreter id '" + id + "' must be 1-40 lowercase letters, digits,"
                    + " dots, dashes or plus signs");
        }
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("interpreter '" + id + "' needs a path (id=path)");
        }
        label = label == null || label.isBlank() ? null : label.strip();
    }

    /**
     * Parses the setting; every problem at once, in words, as an IllegalArgumentException. Blank: no entries.
     */
    public static List<InterpreterEntry> parseList(String setting) {
        List<InterpreterEntry> entries = new ArrayList<>();
        if (setting == null || setting.isBlank()) {
            return entries;
        }
        List<String> problems = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (String raw : setting.split(",")) {
            String item = raw.strip();
            if (item.isEmpty()) {
                continue;
            }
            boolean optional = item.startsWith("?");
            if (optional) {
                item = item.substring(1).strip();
            }
            int eq = item.indexOf('=');
            if (eq < 0) {
                problems.add("'" + raw.strip() + "' is not id=path[|label]");
                continue;
            }
            String id = item.substring(0, eq).strip();
            String rest = item.substring(eq + 1);
            int bar = rest.indexOf('|');
            String path = (bar < 0 ? rest : rest.substring(0, bar)).strip();
            String label = bar < 0 ? null : rest.substring(bar + 1);
            try {
                InterpreterEntry e = new InterpreterEntry(id, path, label, optional);
                if (!ids.add(id)) {
                    problems.add("interpreter id '" + id + "' is listed twice");
                    continue;
                }
                entries.add(e);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("paragrade.interpreters: " + String.join("; ", problems));
        }
        return List.copyOf(entries);
    }
}
