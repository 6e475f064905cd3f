package org.paragrade.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The session accounts kept a moment: how long a changed or removed account may still be seen. */
class SessionAccountsTest {
    final AtomicLong clock = new AtomicLong();
    final SessionAccounts accounts = new SessionAccounts(clock::get);
    final Map<String, SessionAccounts.Snapshot> db = new HashMap<>();
    final AtomicInteger reads = new AtomicInteger();

    Optional<SessionAccounts.Snapshot> read(String username) {
        reads.incrementAndGet();
        return Optional.ofNullable(db.get(username));
    }

    Optional<SessionAccounts.Snapshot> get(String username) {
        return accounts.get(username, this::read);
    }

    @Test
    void aRemovedAccountLosesItsSessionWithinTheBound() {
        db.put("alice", new SessionAccounts.Snapshot(1, "alice", Role.STUDENT, false));
        assertThat(get("alice")).isPresent();
        assertThat(get("alice")).isPresent();
        assertThat(reads).as("the second request within the bound reads nothing").hasValue(1);
        db.remove("alice");
        clock.addAndGet(SessionAccounts.FRESH.toNanos());
        assertThat(get("alice")).as("past the bound: read again, gone").isEmpty();
        assertThat(get("alice")).as("a missing account is never kept").isEmpty();
        assertThat(reads).hasValue(3);
    }

    @Test
    void aChangeOnThisInstanceIsSeenAtOnce() {
        db.put("bob", new SessionAccounts.Snapshot(2, "bob", Role.STUDENT, true));
        assertThat(get("bob").orElseThrow().mustChangePassword()).isTrue();
        db.put("bob", new SessionAccounts.Snapshot(2, "bob", Role.STUDENT, false));
        accounts.forget("bob"); // the password change, once committed
        assertThat(get("bob").orElseThrow().mustChangePassword()).isFalse();
    }

    @Test
    void aReadBegunBeforeAChangeIsNotKept() {
        db.put("carol", new SessionAccounts.Snapshot(3, "carol", Role.GRADER, false));
        // a request reads the old account; meanwhile the account changes and is forgotten
        Optional<SessionAccounts.Snapshot> old = accounts.get("carol", u -> {
            Optional<SessionAccounts.Snapshot> s = read(u);
            db.put("carol", new SessionAccounts.Snapshot(3, "carol", Role.STUDENT, false));
            accounts.forget("carol");
            return s;
        });
        assertThat(old.orElseThrow().role()).isEqualTo(Role.GRADER);
        assertThat(get("carol").orElseThrow().role()).as("the old read was not kept").isEqualTo(Role.STUDENT);
    }

    @Test
    void boundedInSize() {
        for (int i = 0; i < SessionAccounts.MAX_ENTRIES + 50; i++) {
            db.put("u" + i, new SessionAccounts.Snapshot(i, "u" + i, Role.STUDENT, false));
            get("u" + i);
        }
        assertThat(accounts.size()).isEqualTo(SessionAccounts.MAX_ENTRIES);
    }
}
