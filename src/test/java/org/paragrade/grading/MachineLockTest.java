package org.paragrade.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Benchmarks of two instances on one host never overlap: the lock is a POSIX record lock on one file,
 * so another process (here a Python one, as a second server or container would be) holding it keeps
 * this instance's benchmark waiting, and this instance's benchmark keeps the other out.
 */
class MachineLockTest {
    private static final String HOLD = "import fcntl, sys, time\n"
            + "f = open(sys.argv[1], 'a+')\n"
            + "fcntl.lockf(f, fcntl.LOCK_EX)\n"
            + "print('held', flush=True)\n"
            + "time.sleep(float(sys.argv[2]))\n";
    private static final String TRY = "import fcntl, sys\n"
            + "f = open(sys.argv[1], 'a+')\n"
            + "try:\n"
            + "    fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)\n"
            + "    print('got it')\n"
            + "except OSError:\n"
            + "    print('busy')\n";

    @Test
    void aBenchmarkWaitsForAnotherProcesssBenchmarkAndKeepsItOut() throws Exception {
        Path file = Files.createTempDirectory("lock").resolve("machine.lock");
        MachineLock lock = new MachineLock(file, 1);
        Process other = new ProcessBuilder("python3", "-c", HOLD, file.toString(), "1.5").start();
        assertThat(new String(other.getInputStream().readNBytes(4))).isEqualTo("held");
        long start = System.nanoTime();
        try (var held = lock.benchmark()) {
            double waited = (System.nanoTime() - start) / 1e9;
            assertThat(waited).as("waited for the other process's benchmark").isGreaterThan(1.0);
            Process probe = new ProcessBuilder("python3", "-c", TRY, file.toString()).start();
            assertThat(new String(probe.getInputStream().readAllBytes()).trim()).isEqualTo("busy");
        }
        other.waitFor(5, TimeUnit.SECONDS);
        Process after = new ProcessBuilder("python3", "-c", TRY, file.toString()).start();
        assertThat(new String(after.getInputStream().readAllBytes()).trim()).isEqualTo("got it");
    }

    @Test
    void byDefaultEveryInstanceOnTheHostLocksTheSameFile() {
        // as root (CI, the worker image) /run/lock is writable: the host-wide path, not a per-JVM temp dir
        assertThat(MachineLock.defaultPath()).isIn(MachineLock.HOST_LOCK,
                Path.of(System.getProperty("java.io.tmpdir"), "paragrade-machine.lock"));
        if (Files.isWritable(MachineLock.HOST_LOCK.getParent().getParent())) {
            assertThat(MachineLock.defaultPath()).isEqualTo(MachineLock.HOST_LOCK);
        }
    }
}
