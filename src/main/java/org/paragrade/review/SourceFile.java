package org.paragrade.review;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One submitted file as the code view shows it: its lines, or why they are not shown. Plain text only —
 * the page escapes every line (a student's {@code <script>} is text); a binary file or one over
 * {@link #MAX_BYTES} is named, not rendered, and a long one is shown up to {@link #MAX_LINES}.
 *
 * @param path     the path it was graded at ({@code solution.py}, {@code pkg/helpers.py})
 * @param size     its size in bytes
 * @param lines    the lines shown (empty when {@code notShown})
 * @param python   a {@code .py} file (highlighted as Python)
 * @param notShown why the file is not rendered, in words; null when it is
 * @param cut      why only the first lines are shown; null when all are
 */
public record SourceFile(String path, int size, List<String> lines, boolean python, String notShown, String cut) {
    /** Past this a page of one file grows past what a reader scrolls; the zip has the rest. */
    public static final int MAX_LINES = 2_000;
    /** 256 KiB: ten times a long solution, and still a page a browser renders in well under a second. */
    public static final int MAX_BYTES = 256 * 1024;

    public static SourceFile of(String path, byte[] bytes) {
        boolean python = path.endsWith(".py");
        if (bytes.length > MAX_BYTES) {
            return new SourceFile(path, bytes.length, List.of(), python, String.format(Locale.ROOT,
                    "Not shown: at %s it is over the %d KB the code view renders. Download the zip to read it.",
                    size(bytes.length), MAX_BYTES / 1024), null);
        }
        String text = text(bytes);
        if (text == null) {
            return new SourceFile(path, bytes.length, List.of(), python,
                    "Not shown: a binary file (" + size(bytes.length) + ", not UTF-8 text). Download the zip to "
                            + "inspect it.", null);
        }
        List<String> lines = lines(text);
        String cut = null;
        if (lines.size() > MAX_LINES) {
            cut = String.format(Locale.ROOT, "Only the first %,d of its %,d lines are shown. Download the zip to "
                    + "read the rest.", MAX_LINES, lines.size());
            lines = lines.subList(0, MAX_LINES);
        }
        return new SourceFile(path, bytes.length, List.copyOf(lines), python, null, cut);
    }

    /** The id of line {@code n}'s anchor on the code page: {@code solution.py-L12}. */
    public static String anchor(String path, int n) {
        return path + "-L" + n;
    }

    /** The file's own anchor on the code page. */
    public String id() {
        return "file-" + path;
    }

    /** The text, or null for bytes that are not UTF-8 or hold NUL (a binary file). */
    static String text(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Lines without their ends ({@code \n}, {@code \r\n} or {@code \r}); a final newline ends the last line. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    static String size(int bytes) {
        return bytes < 1024 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
}
