package org.paragrade.queue;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The queue answers: how many jobs wait, how many run, how old the oldest waiting one is. */
@Readiness
@ApplicationScoped
public class QueueHealth implements HealthCheck {
    private final JobQueue queue;

    public QueueHealth(JobQueue queue) {
        this.queue = queue;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            var d = queue.depth();
            return HealthCheckResponse.named("queue").up().withData("queued", d.queued())
                    .withData("running", d.running()).withData("oldestQueuedSeconds", Math.round(d.oldestAgeSeconds()))
                    .build();
        } catch (Exception e) {
            return HealthCheckResponse.named("queue").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
