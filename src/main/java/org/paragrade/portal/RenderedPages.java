package org.paragrade.portal;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Pages rendered once and served again while their entity tag stands. The tag is a digest of everything the
 * page shows (the report's revision and audience, the viewer's name and role, the notice) but the forms'
 * token, which is rendered as {@link #TOKEN_STAND_IN} and put in per request (each session has its own), so a
 * page kept under a tag, with the token put in, is byte for byte what rendering again would give that viewer.
 * Rendering the report template with its tables and charts is most of a report request's CPU (Qute's
 * resolution of every expression); a graded report changes only on a regrade, an override or a review, and a running one at most
 * once a second ({@code ViewCache.WAITING}), so under a deadline's reload storm each viewer's page is rendered
 * about once per change, not once per request.
 *
 * <p>Bounded by the characters kept (the least recently served go first), so a thousand students each looking
 * at their own report cost a few tens of megabytes at most.
 */
@ApplicationScoped
public class RenderedPages {
    /** About 32 MB of UTF-16: some 1,100 report pages of 30 KB. */
    static final long MAX_CHARS = 16L * 1024 * 1024;
    /**
     * Where a kept page's forms carry the viewer's token: random per start, so nothing a student makes a report
     * show (their program's output) can be it. Of the token's alphabet and length, so the page's shape is the same.
     */
    static final String TOKEN_STAND_IN;

    static {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        TOKEN_STAND_IN = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private long chars;
    private final Map<String, String> pages = new LinkedHashMap<>(256, 0.75f, true);

    /** The page kept under {@code tag}, or {@code render}'s, kept for the next request with the same tag. */
    public String get(String tag, Supplier<String> render) {
        synchronized (pages) {
            String kept = pages.get(tag);
            if (kept != null) {
                return kept;
            }
        }
        String page = render.get(); // outside the lock: two first requests may both render, both get the same
        if (page.length() > MAX_CHARS / 8) {
            return page; // never let one page push out most of the others
        }
        synchronized (pages) {
            String before = pages.put(tag, page);
            chars += page.length() - (before == null ? 0 : before.length());
            var eldest = pages.entrySet().iterator();
            while (chars > MAX_CHARS && eldest.hasNext()) {
                chars -= eldest.next().getValue().length();
                eldest.remove();
            }
        }
        return page;
    }

    int size() {
        synchronized (pages) {
            return pages.size();
        }
    }
}
