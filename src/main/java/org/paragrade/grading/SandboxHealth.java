package org.paragrade.grading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.paragrade.ParagradeConfig;
import java.util.stream.Collectors;
import org.paragrade.sandbox.Interpreter;
import org.paragrade.sandbox.Sandbox;

/**
 * Ready only if this instance can build its sandbox (or does not grade at all) and every configured interpreter
 * works in it; lists the interpreters with their versions and GIL state (an optional one not installed here is
 * listed as such, and is not a fault).
 */
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
            StringBuilder all = new StringBuilder();
            for (Interpreter i : info.interpreters()) {
                b.withData("interpreter " + i.id(), i.summary());
                all.append(all.isEmpty() ? "" : "; ").append(i.id()).append(": ").append(i.usable()
                        ? i.version() + (i.freeThreaded() ? " free-threaded" : "") + ", GIL " + (i.gilEnabled() ? "on" : "off")
                        : i.absent() ? "not installed" : "BROKEN");
            }
            b.withData("interpreters", all.toString());
            if (!info.grades()) {
                return b.down().withData("error", info.refusal()).build();
            }
            if (!info.broken().isEmpty()) {
                return b.down().withData("error", "Exercises needing these interpreters are not graded: "
                        + info.broken().stream().map(Interpreter::failure).collect(Collectors.joining("; "))).build();
            }
            return b.up().build();
        } catch (Exception e) {
            return b.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
