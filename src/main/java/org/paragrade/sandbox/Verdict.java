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
final class Verdict {
    private final Limits limits;
    private final String accounting;
    private final String nonce;
    private final double hostWallMs;
    private final double cgroupCpuMs;

    Verdict(Limits limits, String accounting, String nonce, double hostWallMs, double cgroupCpuMs) {
        this.limits = limits;
        this.accounting = accounting;
        this.nonce = nonce;
        this.hostWallMs = hostWallMs;
        this.cgroupCpuMs = cgroupCpuMs;
    }

    static RunResult internal(String why, String accounting, double hostWallMs) {
        return new RunResult(Outcome.INTERNAL_ERROR, "The grader failed to run your code; this is our fault and it"
                + " will be retried (" + why + ").", null, 0, 0, 0, 0, 0, "", "", false, null, null, accounting,
                hostWallMs, -1);
    }

    /**
     * @param stopped "cpu" or "wall" when the server killed the run on its own timers, else null
     */
    RunResult decide(byte[] stdout, byte[] stderr, int exitCode, String stopped, long oomKills, long pidsHits) {
        JsonNode r = resultLine(stdout);
        String err = new String(stderr, StandardCharsets.UTF_8);
        boolean childStarted = err.contains("PARAGRADE/1 " + nonce + " child-started");
        String status = r == null ? null : r.path("status").asText();

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
        if ("output_limit".equals(status)) {
            return result(Outcome.OUTPUT_LIMIT, String.format(Locale.ROOT, "Your code printed more than %d KB of"
                    + " output and was stopped. Remove debugging prints.", limits.outputKb()), r);
        }
        if (r == null) {
            if (childStarted) {
                return result(Outcome.RUNTIME_ERROR, "Your code stopped the grading harness (it killed or disturbed"
                        + " the process supervising it, e.g. with os.kill), so nothing could be measured. Do not"
                        + " signal processes your code did not start.", null);
            }
            return internal("the sandbox did not start: exit " + exitCode + ": " + tail(err), accounting, hostWallMs);
        }
        switch (status) {
            case "ok":
                return result(Outcome.COMPLETED, "Your code ran to completion.", r);
            case "error": {
                JsonNode e = r.path("error");
                return result(Outcome.RUNTIME_ERROR, "Your code raised " + e.path("type").asText("an exception")
                        + ": " + e.path("message").asText(""), r);
            }
            case "crashed": {
                String how = r.has("signal") ? "was killed by signal " + r.path("signal").asInt() + signalHint(r)
                        : "exited with code " + r.path("exitCode").asInt() + " (sys.exit or os._exit?)";
                return result(Outcome.RUNTIME_ERROR, "Your code's process " + how + " before returning a value.", r);
            }
            default:
                return internal("the harness reported " + status + ": " + r.path("error").path("message").asText(),
                        accounting, hostWallMs);
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

    private RunResult result(Outcome outcome, String message, JsonNode r) {
        if (r == null) {
            return new RunResult(outcome, message, null, 0, 0, 0, 0, 0, "", "", false, null, null, accounting,
                    hostWallMs, cgroupCpuMs);
        }
        JsonNode error = r.path("error");
        String traceback = error.isObject() ? error.path("traceback").asText(null) : null;
        String stacks = r.hasNonNull("stacks") ? r.path("stacks").asText() : null;
        JsonNode value = outcome == Outcome.COMPLETED ? r.get("value") : null;
        return new RunResult(outcome, message, value, r.path("wallMs").asDouble(), r.path("cpuMs").asDouble(),
                r.path("maxThreads").asInt(), r.path("maxProcesses").asInt(), r.path("peakMemoryMb").asDouble(),
                r.path("stdout").asText(""), r.path("stderr").asText(""), r.path("outputTruncated").asBoolean(),
                traceback, stacks, accounting, hostWallMs, cgroupCpuMs);
    }

    private static String num(double seconds) {
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
    }

    private static String tail(String text) {
        String t = text.strip();
        return t.length() > 500 ? t.substring(t.length() - 500) : t;
    }
}
