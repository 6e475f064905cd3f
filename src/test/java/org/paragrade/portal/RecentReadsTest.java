package org.paragrade.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A read is given again for a second at most, never after a write answered on this instance (nor when one was
 * answered while it was being read), and a failed read is never kept.
 */
class RecentReadsTest {
    private final long[] now = {0};
    private final long[] generation = {0};
    private final RecentReads reads = new RecentReads(() -> now[0], () -> generation[0]);
    private final AtomicInteger queries = new AtomicInteger();

    private record Key(String who) {
    }

    private String read(String who) {
        return reads.get(new Key(who), () -> who + "#" + queries.incrementAndGet());
    }

    @Test
    void aReadIsKeptForASecondPerKey() {
        assertThat(read("alice")).isEqualTo("alice#1");
        now[0] += RecentReads.FRESH.toNanos() - 1;
        assertThat(read("alice")).isEqualTo("alice#1");
        assertThat(read("bob")).isEqualTo("bob#2");
        now[0] += 1;
        assertThat(read("alice")).as("a second old: read again").isEqualTo("alice#3");
    }

    @Test
    void aWriteEndsEveryReadKeptBeforeIt() {
        read("alice");
        read("bob");
        generation[0]++; // a write answered
        assertThat(read("alice")).isEqualTo("alice#3");
        assertThat(read("bob")).isEqualTo("bob#4");
        assertThat(read("alice")).isEqualTo("alice#3");
    }

    @Test
    void aReadDuringWhichAWriteWasAnsweredIsNotKept() {
        String first = reads.get(new Key("alice"), () -> {
            generation[0]++; // answered while the read was under way: the read may show the state before it
            return "before the write";
        });
        assertThat(first).isEqualTo("before the write");
        assertThat(read("alice")).isEqualTo("alice#1");
        assertThat(read("alice")).isEqualTo("alice#1");
    }

    @Test
    void aFailedReadIsNotKept() {
        assertThatThrownBy(() -> reads.get(new Key("alice"), () -> {
            throw new IllegalStateException("no such submission");
        })).hasMessage("no such submission");
        assertThat(reads.size()).isZero();
        assertThat(read("alice")).isEqualTo("alice#1");
    }

    @Test
    void theBoundIsEntriesTheLeastRecentlyUsedGoFirst() {
        for (int i = 0; i < RecentReads.MAX_ENTRIES + 10; i++) {
            read("user" + i);
        }
        assertThat(reads.size()).isEqualTo(RecentReads.MAX_ENTRIES);
        int before = queries.get();
        read("user0"); // among the first out
        assertThat(queries.get()).isEqualTo(before + 1);
        read("user" + (RecentReads.MAX_ENTRIES + 9));
        assertThat(queries.get()).isEqualTo(before + 1);
    }
}
