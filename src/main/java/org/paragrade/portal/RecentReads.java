package org.paragrade.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What the report page's full request read from the database a moment ago — the viewer's staff scope, and
 * the submission's revision as that viewer may see it — kept for {@link #FRESH} and only while no write was
 * answered on this instance since it was read ({@link PageShortcut#generation()}, the same rule that drops
 * the shortcut's pages). A deadline's reload storm then costs the database one transaction per submission
 * and viewer a second, not one per request: a session whose kept page has just expired, or a viewer's
 * fiftieth browser tab, is answered from the views already computed, without a transaction.
 *
 * <p>The bound on staleness is the running page's own ({@code report.ViewCache.WAITING}): a grading step of
 * the worker, or a write on another instance (a course's staff changed, a regrade), shows within
 * {@link #FRESH}; a write on this instance shows at once. A read that fails (no such submission, not the
 * viewer's) is never kept, so every refusal is decided afresh.
 */
@ApplicationScoped
public class RecentReads {
    static final Duration FRESH = Duration.ofSeconds(1);
    /** A class of a few hundred, each with a page or two open: the rest go first, least recently used. */
    static final int MAX_ENTRIES = 4000;

    private record Entry(Object value, long generation, long until) {
    }

    private final LongSupplier clock;
    private final LongSupplier generation;
    private final Map<Object, Entry> entries = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    @Inject
    public RecentReads(PageShortcut shortcut) {
        this(System::nanoTime, shortcut::generation);
    }

    /**
     * @param clock      nanoseconds, monotonic (tests move it by hand)
     * @param generation moved by every write this instance answers
     */
    RecentReads(LongSupplier clock, LongSupplier generation) {
        this.clock = clock;
        this.generation = generation;
    }

    /** A value as read, and how long it is given again at most (from now; at most {@link #FRESH}). */
    public record Kept<V>(V value, Duration left) {
        /** The moment, on the wall clock, this read is no longer given. */
        public Instant until() {
            return Instant.now().plus(left);
        }
    }

    /**
     * The value kept under {@code key} (a record naming what was read and for whom), or {@code read}'s, kept
     * unless a write was answered while it was read.
     */
    public <V> V get(Object key, Supplier<V> read) {
        return kept(key, read).value();
    }

    /** {@link #get}, with how much longer what it gives may be given again. */
    @SuppressWarnings("unchecked")
    public <V> Kept<V> kept(Object key, Supplier<V> read) {
        long now = clock.getAsLong();
        long began = generation.getAsLong();
        synchronized (entries) {
            Entry e = entries.get(key);
            if (e != null && e.generation() == began && now - e.until() < 0) {
                return new Kept<>((V) e.value(), Duration.ofNanos(e.until() - now));
            }
        }
        V value = read.get(); // outside the lock; a failure propagates and keeps nothing
        synchronized (entries) {
            if (value != null && generation.getAsLong() == began) {
                entries.put(key, new Entry(value, began, now + FRESH.toNanos()));
            }
        }
        return new Kept<>(value, FRESH);
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
