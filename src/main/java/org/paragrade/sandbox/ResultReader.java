package org.paragrade.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns what a run left behind (the supervisor's result line, the cgroup's counters, the server's own
 * timers) into exactly one {@link RunResult}. Only the line carrying this run's nonce on the supervisor's
 * stdout counts; everything the student printed arrives inside it as data and is never parsed.
 * The cgroup's word beats the harness's: an OOM kill or a refused fork is the limit, whatever followed
 * (a fork bomb also burns CPU; its cause is the process count).
 */
final class ResultReader {
    private final Limits limits;
    private final String accounting;
    private final String nonce;
    private final HostFigures host;
    private final double hostWallMs;
    private final double cgroupCpuMs;

    ResultReader(Limits limits, String accounting, String nonce, HostFigures host) {
        this.limits = limits;
        this.accounting = accounting;
        this.nonce = nonce;
        this.host = host;
        this.hostWallMs = host.hostWallMs();
        this.cgroupCpuMs = host.cgroupCpuMs();
    }

    static RunResult internal(String why, String accounting, double hostWallMs) {
        return internal(why, accounting, HostFigures.wallOnly(hostWallMs));
    }

    private static RunResult internal(String why, String accounting, HostFigures host) {
        return new RunResult(Outcome.INTERNAL_ERROR, "The grader failed to run your code; this is our fault and it"
                + " will be retried (" + why + ").", null, 0, 0, 0, 0, 0, "", "", false, null, null, accounting,
                host.hostWallMs(), host.cgroupCpuMs(), host.cgroupPeakMemoryMb(), host.cgroupPeakTasks());
    }

    /**
     * @param stopped "cpu" or "wall" when the server killed the run on its own timers, else null
     */
    RunResult decide(byte[] stdout, byte[] stderr, int exitCode, String stopped, long oomKills, long pidsHits) {
        JsonNode r = resultLine(stdout);
        String err = new String(stderr, StandardCharsets.UTF_8);
        String status = r == null ? null : r.path("status").asText();
        RunResult limit = limitHit(r, status, stopped, oomKills, pidsHits);
        if (limit != null) {
            return limit;
        }
        if (r == null) {
            if (err.contains("PARAGRADE/1 " + nonce + " child-started")) {
                return result(Outcome.RUNTIME_ERROR, "Your code stopped the grading harness (it killed or disturbed"
                        + " the process supervising it, e.g. with os.kill), so nothing could be measured. Do not"
                        + " signal processes your code did not start.", null);
            }
            return internal("the sandbox did not start: exit " + exitCode + ": " + tail(err), accounting, host);
        }
        return ended(r, status);
    }

    /** The limit the run hit, or null. The cgroup's counters come first, then the server's timers, then the harness. */
    private RunResult limitHit(JsonNode r, String status, String stopped, long oomKills, long pidsHits) {
        if (oomKills > 0 || "memory_limit".equals(status)) {
            return result(Outcome.MEMORY_LIMIT, String.format(Locale.ROOT, "Your code used more than %d MB of memory,"
                    + " counting all its processes together, and was stopped. Use less memory (smaller data, fewer"
                    + " copies) or fewer worker processes.", limits.memoryMb()), r);
        }
        if (pidsHits > 0 || "process_limit".equals(status)) {
            return result(Outcome.PROCESS_LIMIT, String.format(Locale.ROOT, "Your code tried to run more than %d"
                    + " processes and threads at once (a fork bomb or one worker per task?). Use a bounded pool of"
                    + " workers.", limits.maxProcesses()), r);
        }
        if ("cpu".equals(stopped) || "cpu_limit".equals(status) || (r != null && crashedBy(r, 9) && cpuOver(r))) {
            return result(Outcome.TIME_LIMIT_CPU, cpuMessage(), r);
        }
        if ("wall".equals(stopped) || "timeout".equals(status)) {
            return result(Outcome.TIME_LIMIT_WALL, String.format(Locale.ROOT, "Your code did not finish within %s s"
                    + " of wall-clock time. It may be waiting forever (deadlock, a join on a worker that never ends,"
                    + " reading stdin) or it is too slow; the stacks of every thread when it was stopped are in the"
                    + " report.", num(limits.wallSeconds())), r);
        }
        if ("tampered".equals(status)) {
            return result(Outcome.RUNTIME_ERROR, "Your code changed the limits, priority or CPUs of the process"
                    + " supervising it (prlimit, setpriority, sched_setaffinity or sched_setscheduler on pid 1), so"
                    + " nothing it measured can be trusted. Do not touch processes your code did not start.", r);
        }
        if ("output_limit".equals(status)) {
            return result(Outcome.OUTPUT_LIMIT, String.format(Locale.ROOT, "Your code printed more than %d KB of"
                    + " output and was stopped. Remove debugging prints.", limits.outputKb()), r);
        }
        return null;
    }

    /** A run that ended within its limits: a value, the student's exception or crash, or the harness's failure. */
    private RunResult ended(JsonNode r, String status) {
        switch (status) {
            case "ok":
                return result(Outcome.COMPLETED, "Your code ran to completion.", r);
            case "error": {
                JsonNode e = r.path("error");
                return result(Outcome.RUNTIME_ERROR, "Your code raised " + StudentText.text(e.path("type")
                        .asText("an exception")) + ": " + StudentText.text(e.path("message").asText("")), r);
            }
            case "rejected": {
                // what the student's process sent cannot be graded (too large, too deep, not a value): theirs
                String why = r.path("error").path("message").asText("");
                why = why.isEmpty() ? "your code's result could not be read" : why;
                return result(Outcome.RUNTIME_ERROR, Character.toUpperCase(why.charAt(0)) + why.substring(1) + ".", r);
            }
            case "crashed": {
                String how = r.has("signal") ? "was killed by signal " + r.path("signal").asInt() + signalHint(r)
                        : "exited with code " + r.path("exitCode").asInt() + " (sys.exit or os._exit?)";
                return result(Outcome.RUNTIME_ERROR, "Your code's process " + how + " before returning a value.", r);
            }
            default:
                return internal("the harness reported " + status + ": " + r.path("error").path("message").asText(),
                        accounting, host);
        }
    }

    private boolean cpuOver(JsonNode r) {
        return r.path("cpuMs").asDouble() >= limits.cpuSeconds() * 1000 || cgroupCpuMs >= limits.cpuSeconds() * 1000;
    }

    private static boolean crashedBy(JsonNode r, int signal) {
        return "crashed".equals(r.path("status").asText()) && r.path("signal").asInt() == signal;
    }

    private static String signalHint(JsonNode r) {
        int sig = r.path("signal").asInt();
        return sig == 9 ? " (SIGKILL)" : sig == 11 ? " (a segmentation fault)" : sig == 24 ? " (SIGXCPU: CPU limit)" : "";
    }

    private String cpuMessage() {
        return String.format(Locale.ROOT, "Your code used more than %s s of CPU time, counting all its processes and"
                + " threads together, and was stopped. Make it faster or check for an endless loop.",
                num(limits.cpuSeconds()));
    }

    private JsonNode resultLine(byte[] stdout) {
        String prefix = "PARAGRADE/1 " + nonce + " ";
        for (String line : new String(stdout, StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith(prefix)) {
                try {
                    JsonNode node = Sandbox.parse(line.substring(prefix.length()));
                    return node.isObject() ? node : null;
                } catch (IOException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** The run's result; every text and the value made safe to store (see {@link StudentText}). */
    private RunResult result(Outcome outcome, String message, JsonNode r) {
        if (r == null) {
            return new RunResult(outcome, StudentText.clean(message), null, 0, 0, 0, 0, 0, "", "", false, null, null,
                    accounting, hostWallMs, cgroupCpuMs, host.cgroupPeakMemoryMb(), host.cgroupPeakTasks());
        }
        JsonNode value;
        try {
            value = outcome == Outcome.COMPLETED ? StudentText.value(r.get("value")) : null;
        } catch (IllegalArgumentException e) {
            return result(Outcome.RUNTIME_ERROR, "Your function returned a value too deeply nested to grade ("
                    + e.getMessage() + ").", null);
        }
        JsonNode error = r.path("error");
        String traceback = error.isObject() ? error.path("traceback").asText(null) : null;
        String stacks = r.hasNonNull("stacks") ? r.path("stacks").asText() : null;
        return new RunResult(outcome, StudentText.clean(message), value, r.path("wallMs").asDouble(),
                r.path("cpuMs").asDouble(), r.path("maxThreads").asInt(), r.path("maxProcesses").asInt(),
                r.path("peakMemoryMb").asDouble(), StudentText.text(r.path("stdout").asText("")),
                StudentText.text(r.path("stderr").asText("")), r.path("outputTruncated").asBoolean(),
                StudentText.text(traceback), StudentText.text(stacks), accounting, hostWallMs, cgroupCpuMs,
                host.cgroupPeakMemoryMb(), host.cgroupPeakTasks(), serviceCounts(r.path("service")));
    }

    /** The checker's services' counts (the supervisor's, not the student's). */
    private static RunResult.ServiceCounts serviceCounts(JsonNode service) {
        if (!service.isObject() || !service.path("requests").canConvertToInt()) {
            return null;
        }
        return new RunResult.ServiceCounts(service.path("requests").asInt(), service.path("maxConcurrent").asInt());
    }

    private static String num(double seconds) {
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
    }

    private static String tail(String text) {
        String t = text.strip();
        return t.length() > 500 ? t.substring(t.length() - 500) : t;
    }
}
