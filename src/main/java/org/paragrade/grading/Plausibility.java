package org.paragrade.grading;

import java.util.Locale;
import java.util.Optional;
import org.paragrade.grading.report.GradingReport;
import org.paragrade.sandbox.RunResult;

/**
 * Defence in depth for a figure: the supervisor's wall and CPU time of a run are checked against what
 * the server measured itself, outside the sandbox (its own clock around the whole run, the cgroup's CPU
 * counter for the whole tree). The supervisor's figures cover less than the server's (the student's
 * process tree, not the launch or the supervisor), so a run claiming more than the host saw was not
 * measured by an intact supervisor: the run is invalid, its figures earn nothing, and it is flagged.
 */
final class Plausibility {
    /** Clock granularity and the reading's own delay between the two views. */
    static final double SLACK_MS = 50;
    /** The cgroup's counter and the supervisor's rusage round differently; 5% covers it. */
    static final double CPU_SLACK = 0.05;

    private Plausibility() {
    }

    /** The contradiction between a run's figures and the host's view, if any. */
    static Optional<org.paragrade.measure.Flag> check(RunResult r) {
        if (r.hostWallMs() > 0 && r.wallMs() > r.hostWallMs() + SLACK_MS) {
            return Optional.of(flag("a run lasted %.0f ms by the supervisor's clock but only %.0f ms by the server's",
                    r.wallMs(), r.hostWallMs()));
        }
        if (r.cgroupCpuMs() >= 0 && r.cpuMs() > r.cgroupCpuMs() * (1 + CPU_SLACK) + SLACK_MS) {
            return Optional.of(flag("a run claimed %.0f ms of CPU time but the kernel counted %.0f ms for the whole"
                    + " sandbox", r.cpuMs(), r.cgroupCpuMs()));
        }
        return Optional.empty();
    }

    private static org.paragrade.measure.Flag flag(String format, double a, double b) {
        return new org.paragrade.measure.Flag(org.paragrade.measure.FlagCode.FIGURES_CONTRADICT_HOST, String.format(Locale.ROOT, format, a, b)
                + ": the measurement was tampered with or broken, so it earns no performance or behaviour points;"
                + " a grader will look at it.");
    }
}
