package org.paragrade.portal;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How numbers, codes and instants read on the portal's pages. Missing values read as a dash. */
@TemplateExtension(namespace = "fmt")
public final class PortalFormats {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private PortalFormats() {
    }

    /** A traceback or stack dump, escaped, its frames in the student's files linked to the code view. */
    static RawString codeLinks(String text, long submissionId) {
        return text == null ? null : new RawString(CodeLinks.html(text, submissionId));
    }

    /** A flag's {@code file:line}, escaped, linked to that line of the code view. */
    static RawString codeAt(String where, long submissionId) {
        return where == null ? null : new RawString(CodeLinks.where(where, submissionId));
    }

    /** A file's size: "312 bytes", "4.2 KB". */
    static String bytes(int size) {
        return size < 1024 ? size + " bytes" : String.format(Locale.ROOT, "%.1f KB", size / 1024.0);
    }

    /** {@code WRONG_ANSWER} → "wrong answer". */
    static String label(String code) {
        return code == null ? "" : code.replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    /** A code as a CSS class fragment. */
    static String css(String code) {
        return code == null ? "none" : code.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }

    /** A score or figure with at most one decimal. */
    static String num(Double d) {
        if (d == null || !Double.isFinite(d)) {
            return "—";
        }
        if (Math.abs(d - Math.rint(d)) < 1e-9) {
            return Long.toString(Math.round(d));
        }
        return String.format(Locale.ROOT, "%.1f", d);
    }

    static String num2(Double d) {
        return d == null || !Double.isFinite(d) ? "—" : String.format(Locale.ROOT, "%.2f", d);
    }

    /** A speed-up: "1.82×". */
    static String times(Double d) {
        return d == null || !Double.isFinite(d) ? "—" : String.format(Locale.ROOT, "%.2f×", d);
    }

    static String ms(Double d) {
        if (d == null || !Double.isFinite(d)) {
            return "—";
        }
        return d >= 100 ? String.format(Locale.ROOT, "%.0f ms", d) : String.format(Locale.ROOT, "%.1f ms", d);
    }

    static String percent(Double d) {
        return d == null || !Double.isFinite(d) ? "—" : String.format(Locale.ROOT, "%.0f %%", d * 100);
    }

    static String mb(Double d) {
        return d == null || !Double.isFinite(d) ? "—" : String.format(Locale.ROOT, "%.1f MB", d);
    }

    static String when(Instant i) {
        return i == null ? "—" : WHEN.format(i);
    }

    /** For {@code <input type="datetime-local">}, in UTC as the label says. */
    static String inputValue(Instant i) {
        return i == null ? "" : INPUT.format(i);
    }

    /** A time in a course's zone, with the zone named ("2027-03-01 23:59 Europe/Berlin"). */
    static String whenIn(Instant i, String zone) {
        return i == null ? "—" : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(java.time.ZoneId.of(zone)).format(i) + " " + zone;
    }
}
