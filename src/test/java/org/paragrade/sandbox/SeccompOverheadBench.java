package org.paragrade.sandbox;

import org.paragrade.sandbox.seccomp.SeccompFilter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What the seccomp filter costs: the same sandbox with and without it, full launch path (cgroup, launcher,
 * bwrap, cgroup removal), interleaved round by round so the machine's noise hits both alike. Measures a bare
 * {@code python -c pass} and a system-call-heavy one (200,000 getppid calls, 200 forks). Prints median and range.
 * Run: {@code java -cp target/classes:target/test-classes:<deps> org.paragrade.sandbox.SeccompOverheadBench [rounds]}.
 */
public final class SeccompOverheadBench {
    private SeccompOverheadBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        Path python = Path.of(System.getProperty("paragrade.python", "python3"));
        Sandbox with = new Sandbox(new SandboxSettings(python, Path.of("/usr/bin/bwrap"),
                Path.of("target/bench-work").toAbsolutePath(), false, "paragrade-bench"), SeccompFilter.paragradeDefault());
        Sandbox without = new Sandbox(new SandboxSettings(python, Path.of("/usr/bin/bwrap"),
                Path.of("target/bench-work-no-seccomp").toAbsolutePath(), false, "paragrade-bench"), null);
        Limits limits = new Limits(30, 30, 256, 64, 64);
        List<String> pass = List.of("-I", "-S", "-c", "pass");
        List<String> busy = List.of("-I", "-S", "-c", "import os\nfor _ in range(200000): os.getppid()\n"
                + "for _ in range(200):\n    p = os.fork()\n    if p == 0: os._exit(0)\n    os.waitpid(p, 0)\n");
        for (int i = 0; i < 3; i++) {
            with.runBare(pass, limits);
            without.runBare(pass, limits);
        }
        List<Double> passWith = new ArrayList<>();
        List<Double> passWithout = new ArrayList<>();
        List<Double> busyWith = new ArrayList<>();
        List<Double> busyWithout = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            boolean withFirst = i % 2 == 0;
            for (int k = 0; k < 2; k++) {
                boolean filtered = (k == 0) == withFirst;
                Sandbox s = filtered ? with : without;
                long t0 = System.nanoTime();
                check(s.runBare(pass, limits));
                long t1 = System.nanoTime();
                (filtered ? passWith : passWithout).add((t1 - t0) / 1e6);
                if (i % 4 == 0) {
                    check(s.runBare(busy, limits));
                    (filtered ? busyWith : busyWithout).add((System.nanoTime() - t1) / 1e6);
                }
            }
        }
        print("rounds", rounds);
        print("python_pass_with_seccomp_ms", passWith);
        print("python_pass_without_seccomp_ms", passWithout);
        print("syscall_heavy_with_seccomp_ms", busyWith);
        print("syscall_heavy_without_seccomp_ms", busyWithout);
        System.out.printf(Locale.ROOT, "python_pass_ratio: %.3f%n", median(passWith) / median(passWithout));
        System.out.printf(Locale.ROOT, "syscall_heavy_ratio: %.3f%n", median(busyWith) / median(busyWithout));
    }

    private static void check(int exit) {
        if (exit != 0) {
            throw new IllegalStateException("sandboxed python exited " + exit);
        }
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static void print(String name, int value) {
        System.out.println(name + ": " + value);
    }

    private static void print(String name, List<Double> v) {
        System.out.printf(Locale.ROOT, "%s: median %.1f, range %.1f-%.1f (n=%d)%n", name, median(v),
                Collections.min(v), Collections.max(v), v.size());
    }
}
