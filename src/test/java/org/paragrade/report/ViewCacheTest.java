package org.paragrade.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.paragrade.submission.SubmissionStatus;

class ViewCacheTest {
    static final ViewCache.Audience STAFF = new ViewCache.Audience(true, false);
    static final ViewCache.Audience OWNER = new ViewCache.Audience(false, true);
    static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");

    final ViewCache<String> cache = new ViewCache<>();
    final AtomicInteger computed = new AtomicInteger();

    static ReportRevision revision(String stamp, SubmissionStatus status) {
        return new ReportRevision(7, "alice", 1L, status, stamp);
    }

    ViewCache.Shown<String> get(ReportRevision r, ViewCache.Audience a, Instant now, Instant until) {
        return cache.get(r, a, now, () -> new ViewCache.Computed<>(a + "@" + r.stamp() + "#" + computed.incrementAndGet(),
                until));
    }

    @Test
    void theSameRevisionIsComputedOnceAndANewOneAgain() {
        var graded = revision("a", SubmissionStatus.GRADED);
        var first = get(graded, OWNER, NOW, null);
        var again = get(graded, OWNER, NOW.plusSeconds(3600), null);
        assertThat(again).isEqualTo(first);
        assertThat(computed).hasValue(1);
        var overridden = get(revision("b", SubmissionStatus.GRADED), OWNER, NOW, null);
        assertThat(overridden.view()).endsWith("@b#2");
        assertThat(overridden.etag()).isNotEqualTo(first.etag());
    }

    @Test
    void eachAudienceHasItsOwnViewAndTag() {
        var graded = revision("a", SubmissionStatus.GRADED);
        var staff = get(graded, STAFF, NOW, null);
        var owner = get(graded, OWNER, NOW, null);
        assertThat(owner.view()).startsWith("Audience[staff=false, owner=true]");
        assertThat(staff.view()).startsWith("Audience[staff=true, owner=false]");
        assertThat(owner.etag()).isNotEqualTo(staff.etag());
        assertThat(get(graded, STAFF, NOW, null)).isEqualTo(staff);
    }

    @Test
    void aViewThatChangesAtADeadlineIsComputedAgainOnceItPassed() {
        var graded = revision("a", SubmissionStatus.GRADED);
        Instant deadline = NOW.plusSeconds(60);
        var before = get(graded, OWNER, NOW, deadline);
        assertThat(get(graded, OWNER, NOW.plusSeconds(59), deadline)).isEqualTo(before);
        var after = get(graded, OWNER, deadline, null);
        assertThat(after.view()).endsWith("#2");
        assertThat(after.etag()).isNotEqualTo(before.etag());
    }

    @Test
    void aQueuedViewIsKeptASecondAtMost() {
        var queued = revision("q", SubmissionStatus.QUEUED);
        var first = get(queued, OWNER, NOW, null);
        assertThat(get(queued, OWNER, NOW.plusMillis(500), null)).isEqualTo(first);
        assertThat(get(queued, OWNER, NOW.plusMillis(1000), null).view()).endsWith("#2");
    }

    @Test
    void manyAskingForTheSameNewRevisionWaitForOneComputation() throws Exception {
        var running = revision("r", SubmissionStatus.RUNNING);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Future<ViewCache.Shown<String>> owner = pool.submit(() -> cache.get(running, OWNER, NOW, () -> {
                started.countDown();
                await(release);
                return new ViewCache.Computed<>("slow#" + computed.incrementAndGet(), null);
            }));
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            var waiting = new java.util.ArrayList<Future<ViewCache.Shown<String>>>();
            for (int i = 0; i < 7; i++) {
                waiting.add(pool.submit(() -> get(running, OWNER, NOW, null)));
            }
            Thread.sleep(100);
            release.countDown();
            var shown = owner.get(5, TimeUnit.SECONDS);
            for (var w : waiting) {
                assertThat(w.get(5, TimeUnit.SECONDS)).isEqualTo(shown);
            }
            assertThat(computed).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
