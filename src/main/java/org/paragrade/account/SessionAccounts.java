package org.paragrade.account;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * What a portal session's account was a moment ago: its id, role and whether it is still on its initial
 * password, kept per user name for at most {@link #FRESH} so that fifty polling clients do not cost fifty
 * account transactions a second. Bounded ({@link #MAX_ENTRIES}, least recently used out first).
 *
 * <p>The bound on staleness: a password change or a logout on this instance forgets the entry at once;
 * anything else (an account removed or changed directly in the database, or by another instance) is
 * seen within {@link #FRESH}. A missing account is never kept, so a removed account loses its session
 * within that bound too. Course roles (the staff scope) are not kept here: they are read per request.
 */
@ApplicationScoped
public class SessionAccounts {
    public static final Duration FRESH = Duration.ofSeconds(3);
    static final int MAX_ENTRIES = 1000;

    /** The account as the session's identity needs it. */
    public record Snapshot(long id, String username, String role, boolean mustChangePassword) {
    }

    private record Entry(Snapshot snapshot, long until) {
    }

    private final LongSupplier clock;
    /** Moved by every {@link #forget}: a read begun before it is not kept (it may show the old account). */
    private long epoch; // guarded by entries
    private final Map<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    public SessionAccounts() {
        this(System::nanoTime);
    }

    /** @param clock nanoseconds, monotonic (tests move it by hand) */
    SessionAccounts(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * The session account of {@code username}: kept, or read by {@code load} (empty: no such account, which
     * is not kept).
     */
    public Optional<Snapshot> get(String username, Function<String, Optional<Snapshot>> load) {
        long now = clock.getAsLong();
        long began;
        synchronized (entries) {
            Entry e = entries.get(username);
            if (e != null && now - e.until() < 0) {
                return Optional.of(e.snapshot());
            }
            began = epoch;
        }
        Optional<Snapshot> loaded = load.apply(username);
        synchronized (entries) {
            if (began != epoch) {
                return loaded;
            }
            if (loaded.isPresent()) {
                entries.put(username, new Entry(loaded.get(), now + FRESH.toNanos()));
            } else {
                entries.remove(username);
            }
        }
        return loaded;
    }

    /** Forgets what was kept of {@code username}: its next request reads the account again. */
    public void forget(String username) {
        synchronized (entries) {
            epoch++;
            entries.remove(username);
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
