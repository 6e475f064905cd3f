package org.paragrade.portal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paragrade.review.SourceFile;

/**
 * A report's text (a traceback, a stack dump, a case's message) made into HTML whose {@code File "…", line N}
 * frames that point into the submission link to that line of its code view. Everything else stays text:
 * the whole input is escaped, so what a student's code printed never becomes markup.
 *
 * <p>The student's files are mounted at {@value #SANDBOX_DIR} in the sandbox, so a frame there maps back
 * to the submitted name; faulthandler's dumps and our own messages name them relative ({@code solution.py}).
 * Frames of the interpreter, the harness or the exercise ({@code /usr/lib/…}, {@code /harness/…}) are
 * not the student's and get no link.
 */
public final class CodeLinks {
    static final String SANDBOX_DIR = "/solution/";
    /**
     * traceback: {@code File "/solution/x.py", line 12, in f}; faulthandler: {@code File "x.py", line 12 in f}.
     * The link covers the frame to its line's end, so the function's name is part of it.
     */
    private static final Pattern FRAME = Pattern.compile("File \"([^\"\\r\\n]{1,300})\", line (\\d{1,7})[^\\r\\n]*");
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_./-]{0,200}");

    private CodeLinks() {
    }

    /** {@code text} escaped, with links into {@code /submissions/{id}/code}; null for null. */
    public static String html(String text, long submissionId) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length() + 64);
        Matcher m = FRAME.matcher(text);
        int at = 0;
        while (m.find()) {
            String file = submittedName(m.group(1));
            if (file == null) {
                continue;
            }
            out.append(escape(text.substring(at, m.start())));
            out.append("<a class=\"code-link\" href=\"").append(href(submissionId, file, Integer.parseInt(m.group(2))))
                    .append("\">").append(escape(m.group())).append("</a>");
            at = m.end();
        }
        return out.append(escape(text.substring(at))).toString();
    }

    /** A flag's {@code file:line} (or just {@code file}) as a link to it; null for null. */
    public static String where(String where, long submissionId) {
        if (where == null) {
            return null;
        }
        int colon = where.lastIndexOf(':');
        String file = colon < 0 ? where : where.substring(0, colon);
        int line = 0;
        if (colon >= 0) {
            try {
                line = Integer.parseInt(where.substring(colon + 1));
            } catch (NumberFormatException e) {
                file = where;
            }
        }
        String name = submittedName(file);
        if (name == null) {
            return "<code>" + escape(where) + "</code>";
        }
        return "<a class=\"code-link\" href=\"" + href(submissionId, name, line) + "\"><code>" + escape(where)
                + "</code></a>";
    }

    /** The submitted file a frame's path names, or null when it is not one of the student's. */
    static String submittedName(String path) {
        String p = path.startsWith(SANDBOX_DIR) ? path.substring(SANDBOX_DIR.length())
                : path.startsWith("./") ? path.substring(2) : path;
        if (p.startsWith("/") || p.contains("..") || !SAFE_NAME.matcher(p).matches()) {
            return null;
        }
        return p;
    }

    static String href(long submissionId, String file, int line) {
        return "/submissions/" + submissionId + "/code#"
                + escape(line > 0 ? SourceFile.anchor(file, line) : "file-" + file);
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
