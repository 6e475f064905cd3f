package org.paragrade.grading;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;
import org.paragrade.grading.report.GradingReport;
import org.paragrade.measure.Flag;
import org.paragrade.measure.FlagCode;
import org.paragrade.sandbox.RunResult;

/**
 * The stage after preparing: the submitted source is read, never run, by a trusted scanner (Python's
 * {@code ast}, in the sandbox like any run: {@code resources/grading/tampering_scan.py}) for the places
 * that reach for the grader instead of the task: {@code ctypes}, the switch interval, trace hooks,
 * frames and the garbage collector's object lists, the grader's own modules, {@code /proc}, replacing
 * {@code time.sleep} or {@code threading.enumerate}. Each finding becomes a {@code TAMPERING} flag with
 * its line; the grade is computed as usual and sent to review.
 */
final class ScanStage {
    private static final Logger LOG = Logger.getLogger(ScanStage.class);

    private ScanStage() {
    }

    /** The findings as flags, one per place; none when the scan could not run (it never fails a grading). */
    static List<Flag> scan(ExerciseRunner runner, Map<String, byte[]> files) {
        Map<String, String> sources = new TreeMap<>();
        // Other files are named (a .so or a data file could be loaded without being read); only .py is read.
        files.forEach((name, bytes) -> sources.put(name, name.endsWith(".py") ? new String(bytes, StandardCharsets.UTF_8) : ""));
        if (sources.isEmpty()) {
            return List.of();
        }
        RunResult r = runner.scan(sources);
        if (!r.completed() || r.value() == null || !r.value().isArray()) {
            // A scan the submission made fail is a reason to look, not a way past the scan.
            LOG.warnf("The tampering scan did not finish (%s: %s)", r.outcome(), r.message());
            return List.of(new Flag(FlagCode.TAMPERING, "The submitted code could not be scanned for tampering ("
                    + r.outcome() + "). A grader will look at it."));
        }
        List<Flag> flags = new ArrayList<>();
        for (JsonNode f : r.value()) {
            String file = f.path("file").asText();
            int line = f.path("line").asInt();
            String what = f.path("what").asText();
            flags.add(new Flag(FlagCode.TAMPERING, file + (line > 0 ? " line " + line : "") + ": "
                    + (what.length() > 300 ? what.substring(0, 300) + " …" : what)
                    + ". A grader will look at this.", file, line));
        }
        return flags;
    }
}
