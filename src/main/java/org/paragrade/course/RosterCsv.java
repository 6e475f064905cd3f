package org.paragrade.course;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a roster: CSV lines {@code username,name,email,role} (role empty = student), an optional
 * header line naming those columns, fields optionally in double quotes (a quote inside doubled).
 * Every line is checked and every problem reported with its line number; a roster with any problem
 * yields no rows at all. Plain Java, no framework.
 */
public final class RosterCsv {
    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s,]+@[^@\\s,]+\\.[^@\\s,]+");
    static final int MAX_ROWS = 5000;

    public record Row(int line, String username, String name, String email, CourseRole role) {
    }

    public record LineError(int line, String error) {
    }

    public record Parsed(List<Row> rows, List<LineError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private RosterCsv() {
    }

    public static Parsed parse(String text) {
        List<Row> rows = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = i == 0 ? stripBom(lines[i]) : lines[i];
            if (line.isBlank() || (i == 0 && isHeader(line))) {
                continue;
            }
            Row row = row(number, line, errors);
            if (row == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(row.username(), number);
            if (first != null) {
                errors.add(new LineError(number, "'" + row.username() + "' is already on line " + first + "."));
            } else {
                rows.add(row);
            }
        }
        if (rows.size() > MAX_ROWS) {
            errors.add(new LineError(0, "A roster may have at most " + MAX_ROWS + " people; split it."));
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new LineError(0, "The roster is empty: one line per person, username,name,email,role."));
        }
        return new Parsed(errors.isEmpty() ? rows : List.of(), errors);
    }

    private static Row row(int number, String line, List<LineError> errors) {
        List<String> f = fields(line);
        if (f == null) {
            errors.add(new LineError(number, "A quoted field is not closed."));
            return null;
        }
        if (f.size() < 3 || f.size() > 4) {
            errors.add(new LineError(number, "Expected 4 fields (username,name,email,role), found " + f.size() + "."));
            return null;
        }
        String username = f.get(0).trim();
        String name = f.get(1).trim();
        String email = f.get(2).trim();
        String roleWord = f.size() == 4 ? f.get(3).trim().toLowerCase(Locale.ROOT) : "";
        int before = errors.size();
        if (!USERNAME.matcher(username).matches()) {
            errors.add(new LineError(number, "The username '" + username + "' must be 2 to 64 characters: "
                    + "lower-case letters, digits, '.', '_' or '-', starting with a letter or digit."));
        }
        if (name.isEmpty() || name.length() > 200) {
            errors.add(new LineError(number, "The name must be given (at most 200 characters)."));
        }
        if (email.length() > 200 || !EMAIL.matcher(email).matches()) {
            errors.add(new LineError(number, "'" + email + "' is not an email address."));
        }
        CourseRole role = roleWord.isEmpty() ? CourseRole.STUDENT : CourseRole.of(roleWord).orElse(null);
        if (role == null) {
            errors.add(new LineError(number, "The role '" + roleWord + "' must be student, grader or instructor "
                    + "(empty means student)."));
        }
        return errors.size() > before ? null : new Row(number, username, name, email, role);
    }

    /** The fields of one line; null when a quote is left open. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"' && cur.toString().isBlank()) {
                quoted = true;
                cur.setLength(0);
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        out.add(cur.toString());
        return out;
    }

    private static boolean isHeader(String line) {
        List<String> f = fields(line);
        return f != null && !f.isEmpty() && f.get(0).trim().equalsIgnoreCase("username");
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
