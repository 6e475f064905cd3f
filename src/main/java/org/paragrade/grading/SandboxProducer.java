package org.paragrade.grading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.paragrade.ParagradeConfig;
import java.util.List;
import org.paragrade.sandbox.Interpreter;
import org.paragrade.sandbox.InterpreterEntry;
import org.paragrade.sandbox.Sandbox;
import org.paragrade.sandbox.SandboxSettings;

/** The one sandbox of this instance, built on first use from the settings; refuses if it cannot be safe. */
@ApplicationScoped
public class SandboxProducer {
    private static final Logger LOG = Logger.getLogger(SandboxProducer.class);

    @Produces
    @ApplicationScoped
    Sandbox sandbox(ParagradeConfig config, GradingConfig grading) {
        Path python = resolvePython(config.python().orElse("python3"));
        Path workRoot = Path.of(config.dataDir()).toAbsolutePath();
        var options = grading.sandbox();
        List<InterpreterEntry> interpreters;
        try {
            interpreters = InterpreterEntry.parseList(config.interpreters().orElse(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        Sandbox sandbox = new Sandbox(new SandboxSettings(python, Path.of(options.bwrap()), workRoot,
                options.allowUnsafe(), options.cgroupParent(), options.tuneHost(), options.allowWeak(),
                Path.of(options.cgroupRoot()), interpreters));
        var info = sandbox.info();
        LOG.infof("Sandbox ready: %s, limits %s, isolation %s, Python %s at %s", info.mode(), info.limits(),
                info.isolation(), info.pythonVersion(), info.interpreter());
        for (Interpreter i : info.interpreters()) {
            if (i.usable() || i.absent()) {
                LOG.infof("Interpreter %s: %s", i.id(), i.summary());
            } else {
                LOG.errorf("Interpreter %s cannot run student code; exercises needing it will not be graded: %s",
                        i.id(), i.failure());
            }
        }
        return sandbox;
    }

    /** The python3 on PATH may be a shim (a shell script): ask it for the real interpreter. */
    static Path resolvePython(String configured) {
        try {
            Process p = new ProcessBuilder(configured, "-c", "import sys; print(sys.executable)")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty()) {
                return Path.of(out.lines().reduce((a, b) -> b).orElse(out)).toRealPath();
            }
            throw new IllegalStateException("'" + configured + "' did not report its interpreter: " + out);
        } catch (IOException e) {
            throw new IllegalStateException("Python interpreter '" + configured + "' cannot be run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
