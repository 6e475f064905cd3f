package org.paragrade.grading;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Protects measurements: a benchmark holds the machine exclusively; correctness runs share it.
 * Within this JVM a fair read/write lock; across instances on the same machine a file lock on
 * the same file (exclusive for benchmarks, shared for correctness runs).
 */
@jakarta.inject.Singleton
class MachineLock {
    private final ReentrantReadWriteLock local = new ReentrantReadWriteLock(true);
    private final Semaphore benchmarkSlots;
    private final Path file;
    private final boolean exclusiveBenchmarks;

    /**
     * The host-wide default: every instance and container on one host that sees the host's /run/lock
     * (docker-compose mounts /run/lock/paragrade into each) locks the same file; a machine without a
     * writable /run/lock falls back to the temp dir, which only instances sharing it share.
     */
    static final Path HOST_LOCK = Path.of("/run/lock/paragrade/machine.lock");

    @jakarta.inject.Inject
    MachineLock(GradingConfig config) {
        this(config.machineLock().map(Path::of).orElseGet(MachineLock::defaultPath), config.benchmarkSlots());
    }

    static Path defaultPath() {
        Path dir = HOST_LOCK.getParent();
        try {
            Files.createDirectories(dir);
            if (Files.isWritable(dir)) {
                return HOST_LOCK;
            }
        } catch (IOException | SecurityException e) {
            // not root, or no /run/lock: the temp dir below
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "paragrade-machine.lock");
    }

    MachineLock(Path file, int slots) {
        this.file = file;
        this.benchmarkSlots = new Semaphore(Math.max(1, slots), true);
        this.exclusiveBenchmarks = slots <= 1;
    }

    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    Held benchmark() throws InterruptedException {
        benchmarkSlots.acquire();
        if (!exclusiveBenchmarks) {
            return benchmarkSlots::release;
        }
        local.writeLock().lockInterruptibly();
        FileLock fl = fileLock(false);
        return () -> {
            release(fl);
            local.writeLock().unlock();
            benchmarkSlots.release();
        };
    }

    Held correctness() throws InterruptedException {
        if (!exclusiveBenchmarks) {
            return () -> { };
        }
        local.readLock().lockInterruptibly();
        FileLock fl = fileLock(true);
        return () -> {
            release(fl);
            local.readLock().unlock();
        };
    }

    private FileLock fileLock(boolean shared) {
        if (file == null) {
            return null;
        }
        try {
            Files.createDirectories(file.getParent());
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            // Within one JVM overlapping file locks throw, so shared holders each lock a distinct byte
            // region... only one JVM thread holds the write side, readers are serialised by the local lock's
            // semantics per region: we lock region 0 for writers and a per-thread region for readers.
            long position = shared ? 1 + (Thread.currentThread().getId() % 1_000_000) : 0;
            long size = shared ? 1 : Long.MAX_VALUE;
            return ch.lock(position, size, shared);
        } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
            // The in-JVM lock still holds; without the file lock other instances on this host are not kept out.
            org.jboss.logging.Logger.getLogger(MachineLock.class).warnf("Machine lock %s not taken (%s): benchmarks "
                    + "of other instances on this host may overlap this one", file, e.toString());
            return null;
        }
    }

    private static void release(FileLock fl) {
        if (fl != null) {
            try {
                fl.release();
                fl.channel().close();
            } catch (IOException ignored) {
                // closing the channel releases the lock anyway
            }
        }
    }
}
