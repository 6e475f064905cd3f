package org.paragrade.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.paragrade.submission.SubmissionStatus;

/**
 * Views of submissions computed once and kept while nothing they show has changed: a graded report changes
 * only on a regrade, an override or a review, and then its {@link ReportRevision} changes. One entry per
 * submission and audience (the newest revision replaces the older), so memory stays bounded by the
 * submissions people look at; the least recently used go first beyond {@link #MAX_ENTRIES}.
 *
 * <p>An entry is served only for the revision and audience it was computed for, and only until the time
 * its view changes by itself ({@link Computed#until}: a student's deadline that releases hidden cases or
 * scores). A waiting submission's place in the queue moves without its rows changing, so its view is kept
 * {@link #WAITING} at most. Whether the viewer may see the submission at all is decided before the cache is
 * asked, on every request; the cache only keeps what each audience was shown.
 *
 * @param <V> what is kept: the API's view, or the report page's
 */
public final class ViewCache<V> {
    static final int MAX_ENTRIES = 2000;
    /** A queued submission's position and estimate come from the queue, which moves on without it. */
    static final Duration WAITING = Duration.ofSeconds(1);

    /**
     * Who looks, as far as what they are shown differs: the submission's staff see it whole (and an owner who
     * is staff may still ask for a review); its student sees the concealed view.
     */
    public record Audience(boolean staff, boolean owner) {
    }

    /** A freshly computed view and when it changes by itself (null: never, until its revision changes). */
    public record Computed<V>(V view, Instant until) {
    }

    /**
     * A view as served, with its entity tag (quoted-string content, no quotes) and when it changes by itself
     * at the latest (null: only with its revision).
     */
    public record Shown<V>(V view, String etag, Instant until) {
    }

    private record Key(long submission, Audience audience) {
    }

    /** A computation under way, for those who ask for the same revision meanwhile. */
    private record Flight<V>(String stamp, CompletableFuture<Entry<V>> result) {
    }

    private record Entry<V>(String stamp, Instant until, V view, String etag) {
        boolean servesAt(String stamp, Instant now) {
            return this.stamp.equals(stamp) && (until == null || now.isBefore(until));
        }
    }

    /** Makes entity tags unguessable and different after a restart (a new template, a new view). */
    private final String salt;
    private final Map<Key, Entry<V>> entries = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry<V>> eldest) {
            return size() > MAX_ENTRIES;
        }
    };
    private final Map<Key, Flight<V>> flights = new HashMap<>(); // guarded by entries

    public ViewCache() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        this.salt = Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * The view of revision {@code r} for {@code audience}: kept, or computed now (outside the cache's lock).
     * When many ask for the same new revision at once (a class opening its reports, a running page's progress),
     * one computes it and the others wait for that, blocked rather than computing it each.
     */
    public Shown<V> get(ReportRevision r, Audience audience, Instant now, Supplier<Computed<V>> compute) {
        Key key = new Key(r.submission(), audience);
        Flight<V> flight;
        boolean mine = false;
        synchronized (entries) {
            Entry<V> kept = entries.get(key);
            if (kept != null && kept.servesAt(r.stamp(), now)) {
                return new Shown<>(kept.view(), kept.etag(), kept.until());
            }
            flight = flights.get(key);
            if (flight == null || !flight.stamp().equals(r.stamp())) {
                flight = new Flight<>(r.stamp(), new CompletableFuture<>());
                flights.put(key, flight);
                mine = true;
            }
        }
        if (!mine) {
            try {
                Entry<V> e = flight.result().get();
                return new Shown<>(e.view(), e.etag(), e.until());
            } catch (ExecutionException e) {
                return computed(key, r, audience, now, compute); // its failure was its own: try once more here
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the report was computed", e);
            }
        }
        try {
            Shown<V> shown = computed(key, r, audience, now, compute);
            flight.result().complete(new Entry<>(r.stamp(), shown.until(), shown.view(), shown.etag()));
            return shown;
        } catch (RuntimeException | Error e) {
            flight.result().completeExceptionally(e);
            throw e;
        } finally {
            synchronized (entries) {
                flights.remove(key, flight);
            }
        }
    }

    private Shown<V> computed(Key key, ReportRevision r, Audience audience, Instant now, Supplier<Computed<V>> compute) {
        Computed<V> c = compute.get();
        Instant until = c.until();
        if (r.status() == SubmissionStatus.QUEUED) {
            Instant soon = now.plus(WAITING);
            until = until == null || soon.isBefore(until) ? soon : until;
        }
        String etag = digest(salt, Long.toString(r.submission()), r.stamp(), audience.toString(), now.toString());
        Entry<V> fresh = new Entry<>(r.stamp(), until, c.view(), etag);
        synchronized (entries) {
            entries.put(key, fresh);
        }
        return new Shown<>(fresh.view(), fresh.etag(), fresh.until());
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** A short, opaque digest of {@code parts} (for entity tags). */
    public static String digest(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                sha.update((p == null ? "\0" : p).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0x1f);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
