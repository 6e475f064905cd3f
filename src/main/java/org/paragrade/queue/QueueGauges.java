package org.paragrade.queue;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The queue's gauges for operators: jobs waiting, jobs running, age of the oldest waiting one. The three
 * are read one after the other by a scrape, so one depth query (at most once a second) serves them all.
 */
@ApplicationScoped
public class QueueGauges {
    private final JobQueue queue;
    private final MeterRegistry metrics;
    private final AtomicReference<DepthAt> last = new AtomicReference<>();

    private record DepthAt(JobQueue.Depth depth, long nanos) {
    }

    public QueueGauges(JobQueue queue, MeterRegistry metrics) {
        this.queue = queue;
        this.metrics = metrics;
    }

    void register(@Observes StartupEvent event) {
        metrics.gauge("paragrade_queue_depth", this, g -> g.depth().queued());
        metrics.gauge("paragrade_queue_running", this, g -> g.depth().running());
        metrics.gauge("paragrade_queue_oldest_age_seconds", this, g -> g.depth().oldestAgeSeconds());
    }

    /** The queue's depth, queried at most once a second; -1 everywhere when the database does not answer. */
    JobQueue.Depth depth() {
        DepthAt seen = last.get();
        long now = System.nanoTime();
        if (seen != null && now - seen.nanos() < 1_000_000_000L) {
            return seen.depth();
        }
        JobQueue.Depth depth;
        try {
            depth = queue.depth();
        } catch (Exception e) {
            depth = new JobQueue.Depth(-1, -1, -1);
        }
        last.set(new DepthAt(depth, now));
        return depth;
    }
}
