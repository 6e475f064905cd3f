package org.paragrade.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Every run moves its launcher into fresh cgroups. By default the kernel makes that move wait for an
 * RCU grace period (the global cgroup_threadgroup_rwsem favours fork and exit over migration), which
 * on a small VM cost ~20 ms per run — a third of a Python start-up, paid by every measured run. The
 * cgroup2 mount option {@code favordynmods} flips that trade-off for the whole host: migrations become
 * cheap, fork and exit a little dearer. On a machine that exists to start sandboxes it is the right
 * one, so a root server sets it once at start (keeping every option the mount already had), and says
 * whether it could.
 */
final class FastMigration {
    static final String OPTION = "favordynmods";

    private FastMigration() {
    }

    /**
     * Returns a note for the sandbox description, or null when there is no cgroup2 mount to speak of.
     *
     * @param mayRemount the server is root and allowed to tune the host
     */
    static String ensure(Path mounts, boolean mayRemount) {
        try {
            for (String line : Files.readAllLines(mounts)) {
                String[] f = line.split(" ");
                if (f.length < 4 || !f[2].equals("cgroup2")) {
                    continue;
                }
                List<String> options = List.of(f[3].split(","));
                if (options.contains(OPTION)) {
                    return "fast cgroup migration (" + OPTION + ")";
                }
                if (!mayRemount) {
                    return "slow cgroup migration: mount cgroup2 with " + OPTION + " to save ~20 ms per run";
                }
                String wanted = "remount," + String.join(",", options) + "," + OPTION;
                Process p = new ProcessBuilder("mount", "-o", wanted, f[1]).redirectErrorStream(true).start();
                // mount says a line at most, well within a pipe's buffer: wait first, so the bound holds.
                boolean exited = p.waitFor(10, TimeUnit.SECONDS);
                if (!exited) {
                    p.destroyForcibly();
                }
                String said = exited ? new String(p.getInputStream().readAllBytes()).trim() : "mount did not answer in 10 s";
                boolean done = exited && p.exitValue() == 0;
                return done ? "fast cgroup migration (" + OPTION + " set on " + f[1] + ")"
                        : "slow cgroup migration: could not set " + OPTION + " on " + f[1] + " (" + said + ")";
            }
            return null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
