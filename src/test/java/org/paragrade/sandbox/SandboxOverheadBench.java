package org.paragrade.sandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Overhead of the sandbox: a sandboxed {@code python -c pass} (full launch path: cgroup creation, launcher,
 * bwrap, cgroup kill and removal) against the same command unsandboxed, measured interleaved, plus a full
 * harness run of an empty function. Run by bench/sandbox_overhead; prints {@code name: value} lines.
 */
public final class SandboxOverheadBench {
    private SandboxOverheadBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Path work = Path.of("target/bench-work").toAbsolutePath();
        Sandbox sandbox = new Sandbox(new SandboxSettings(Path.of(System.getProperty("paragrade.python", "python3")),
                Path.of("/usr/bin/bwrap"), work, false, "paragrade-bench"));
        Limits limits = new Limits(10, 10, 256, 64, 64);
        String python = sandbox.info().interpreter().toString();
        List<String> cmd = List.of("-I", "-B", "-c", "pass");
        Path solution = SandboxFixture.solution("empty.py");
        RunRequest empty = new RunRequest("bench", solution, null,
                new HarnessSpec("run", "function", Map.of(), false, null), limits);
        for (int i = 0; i < 3; i++) { // warm-up: page cache, JIT
            bare(python, cmd);
            sandbox.runBare(cmd, limits);
            sandbox.run(empty);
        }
        List<Double> bare = new ArrayList<>();
        List<Double> boxed = new ArrayList<>();
        List<Double> harness = new ArrayList<>();
        List<Double> harnessWall = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            bare(python, cmd);
            long t1 = System.nanoTime();
            sandbox.runBare(cmd, limits);
            long t2 = System.nanoTime();
            RunResult r = sandbox.run(empty);
            long t3 = System.nanoTime();
            if (r.outcome() != Outcome.COMPLETED) {
                throw new IllegalStateException("empty solution did not complete: " + r);
            }
            bare.add((t1 - t0) / 1e6);
            boxed.add((t2 - t1) / 1e6);
            harness.add((t3 - t2) / 1e6);
            harnessWall.add(r.wallMs());
        }
        double b = median(bare);
        double s = median(boxed);
        print("mode", sandbox.info().mode());
        print("rounds", rounds);
        print("unsandboxed_python_pass_ms", b);
        print("sandboxed_python_pass_ms", s);
        print("sandbox_overhead_ratio", s / b);
        print("harness_empty_solution_ms", median(harness));
        print("harness_empty_solution_measured_wall_ms", median(harnessWall));
    }

    private static void bare(String python, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(python);
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        if (pb.start().waitFor() != 0) {
            throw new IllegalStateException("python failed");
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void print(String name, Object value) {
        System.out.println(name + ": " + (value instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : value));
    }
}
