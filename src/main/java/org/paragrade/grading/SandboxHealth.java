package org.paragrade.grading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.paragrade.ParagradeConfig;
import org.paragrade.sandbox.Sandbox;

/** Ready only if this instance can build its sandbox (or does not grade at all). */
@Readiness
@ApplicationScoped
public class SandboxHealth implements HealthCheck {
    private final ParagradeConfig config;
    private final Instance<Sandbox> sandbox;

    public SandboxHealth(ParagradeConfig config, Instance<Sandbox> sandbox) {
        this.config = config;
        this.sandbox = sandbox;
    }

    @Override
    public HealthCheckResponse call() {
        var b = HealthCheckResponse.named("sandbox").withData("workers", config.workers());
        if (!config.grades()) {
            return b.up().withData("mode", "grading off on this instance").build();
        }
        try {
            var info = sandbox.get().info();
            b.withData("mode", info.mode()).withData("limits", info.limits()).withData("isolation", info.isolation())
                    .withData("seccomp", info.seccomp()).withData("python", info.pythonVersion());
            if (!info.grades()) {
                return b.down().withData("error", info.refusal()).build();
            }
            return b.up().build();
        } catch (Exception e) {
            return b.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
