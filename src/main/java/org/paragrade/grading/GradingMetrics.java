package org.paragrade.grading;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The grading's meters, published on the management port's {@code /q/metrics} (the Grafana dashboard in
 * grader-images/ reads exactly these names):
 * <ul>
 * <li>{@code paragrade_grading_seconds{verdict}}: claim to recorded result, a histogram;</li>
 * <li>{@code paragrade_grading_stage_seconds{stage}}: correctness and benchmark stages, a histogram;</li>
 * <li>{@code paragrade_queue_wait_seconds{kind}}: enqueued to claimed (first attempt only; a retry's
 * wait includes the failed attempt), a histogram;</li>
 * <li>{@code paragrade_gradings_total{verdict}}, {@code paragrade_heartbeats_total{outcome}}.</li>
 * </ul>
 */
@ApplicationScoped
public class GradingMetrics {
    /**
     * Bucket bounds in seconds. A wrong answer is graded in 2–5 s here, a full benchmark in 35–50 s (bench/),
     * the slowest exercises in a few minutes; a deadline rush queues for up to an hour. Fixed bounds keep
     * every instance's buckets the same, so histogram_quantile can sum them.
     */
    static final double[] BUCKETS = {1, 2, 5, 10, 20, 30, 45, 60, 90, 120, 180, 300, 600, 900, 1800, 3600};
    static final String GRADING = "paragrade_grading_seconds";
    static final String STAGE = "paragrade_grading_stage_seconds";
    static final String QUEUE_WAIT = "paragrade_queue_wait_seconds";

    private final MeterRegistry registry;

    public GradingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Publishes our timers as Prometheus histograms with {@link #BUCKETS}; other meters are left alone. */
    @Produces
    @Singleton
    MeterFilter histogramBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().startsWith("paragrade_") || id.getType() != Meter.Type.TIMER) {
                    return config;
                }
                double[] nanos = new double[BUCKETS.length];
                for (int i = 0; i < BUCKETS.length; i++) {
                    nanos[i] = BUCKETS[i] * 1e9;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(nanos).build().merge(config);
            }
        };
    }

    void waited(GradingSubject subject) {
        Timer.builder(QUEUE_WAIT).description("Time a grading job waited in the queue, enqueued to claimed")
                .tag("kind", subject.kind().tag()).register(registry).record(subject.waited());
    }

    void graded(String verdict, long nanos) {
        Timer.builder(GRADING).description("Time from a job's claim to its recorded result")
                .tag("verdict", verdict).register(registry).record(nanos, TimeUnit.NANOSECONDS);
        Counter.builder("paragrade_gradings_total").tag("verdict", verdict).register(registry).increment();
    }

    void stages(GradingOutcome.Timing timing) {
        stage("correctness", timing.correctnessSeconds());
        if (timing.benchmarkRuns() > 0) {
            stage("benchmark", timing.benchmarkSeconds());
        }
    }

    private void stage(String stage, double seconds) {
        Timer.builder(STAGE).description("Time a grading spent in one stage").tag("stage", stage)
                .register(registry).record(Duration.ofNanos((long) (seconds * 1e9)));
    }

    void heartbeat(String outcome) {
        Counter.builder("paragrade_heartbeats_total").description("Lease renewals of running gradings")
                .tag("outcome", outcome).register(registry).increment();
    }
}
