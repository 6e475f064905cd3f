package org.paragrade.portal;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Pages rendered once and served again while their entity tag stands. The tag is a digest of everything the
 * page shows (the report's revision and audience, the viewer's name, role and form token, the notice), so a
 * page kept under a tag is byte for byte what rendering again would give that viewer. Rendering the report
 * template with its tables and charts is most of a report request's CPU (Qute's resolution of every
 * expression); a graded report changes only on a regrade, an override or a review, and a running one at most
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
