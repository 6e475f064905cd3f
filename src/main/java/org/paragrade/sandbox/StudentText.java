package org.paragrade.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/**
 * Everything the student's process sends is the student's, and is made safe to store and show before it
 * leaves the sandbox package. PostgreSQL's jsonb refuses {@code \u0000} and unpaired surrogates, and a
 * terminal or a report page should not receive other control characters: C0 controls other than tab, line
 * feed and carriage return become their visible Unicode "control pictures" (NUL becomes U+2400 "␀", ESC
 * U+241B "␛", DEL U+2421 "␡"), C1 controls (U+0080–U+009F) and unpaired surrogates become U+FFFD. The same
 * mapping applies to strings and keys inside a value, so a student's value and a reference's value that
 * differed only there still compare equal. Every text is cut at {@value #MAX_CHARS} characters.
 */
final class StudentText {
    /** Per text (message, traceback, stdout, stderr, stacks): a report stays small (finding 8: 7 MB messages). */
    static final int MAX_CHARS = 16 * 1024;
    /** Deeper values are refused by the supervisor already (harness/supervisor.py MAX_DEPTH); a backstop here. */
    static final int MAX_DEPTH = 100;

    private StudentText() {
    }

    /** Room for the note the harness adds when it cut a text already (so it is not cut twice). */
    private static final int NOTE_ROOM = 64;

    /** Sanitised and cut at {@link #MAX_CHARS}, with a note saying how long it was; null stays null. */
    static String text(String raw) {
        if (raw == null) {
            return null;
        }
        String cut = raw.length() > MAX_CHARS + NOTE_ROOM
                ? raw.substring(0, MAX_CHARS) + "\n… [cut: " + raw.length() + " characters in all]" : raw;
        return clean(cut);
    }

    /** The control-character and surrogate mapping of the class comment, nothing cut. */
    static String clean(String raw) {
        int n = raw.length();
        StringBuilder out = new StringBuilder(n);
        boolean changed = false;
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(raw.charAt(i + 1))) {
                out.append(c).append(raw.charAt(++i));
                continue;
            }
            char r = replacement(c);
            changed |= r != c;
            out.append(r);
        }
        return changed ? out.toString() : raw;
    }

    /** For a char that is not part of a surrogate pair. */
    private static char replacement(char c) {
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r' ? c : (char) (0x2400 + c);
        }
        if (c == 0x7f) {
            return '\u2421';
        }
        if ((c >= 0x80 && c <= 0x9f) || Character.isSurrogate(c)) {
            return '\uFFFD';
        }
        return c;
    }

    /** The value with every string and key cleaned (not cut: the value's size is bounded by the supervisor). */
    static JsonNode value(JsonNode value) {
        return value == null ? null : value(value, 0);
    }

    private static JsonNode value(JsonNode node, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("value nested more than " + MAX_DEPTH + " levels deep");
        }
        if (node.isTextual()) {
            String cleaned = clean(node.textValue());
            return cleaned.equals(node.textValue()) ? node : JsonNodeFactory.instance.textNode(cleaned);
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode(node.size());
            node.forEach(item -> out.add(value(item, depth + 1)));
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(clean(e.getKey()), value(e.getValue(), depth + 1));
            }
            return out;
        }
        return node;
    }
}
