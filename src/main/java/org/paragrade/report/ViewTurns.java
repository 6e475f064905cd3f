package org.paragrade.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * How many submission views this instance works on at once: two per core, first come first served. Fifty
 * clients asking at once would otherwise be fifty runnable request threads and up to the pool's thirty
 * database backends, each weighing as much as the whole benchmark cgroup's share divided by eight
 * ({@code sandbox.CgroupHierarchy.CPU_PRIORITY}): together they outweighed the benchmark they share the
 * cores with, and took the connections the grading worker needs for its progress and heartbeat. Waiting for
 * a turn blocks (no CPU, no connection held), so the benchmark keeps its priority and the pool stays open
 * for grading; with the views kept ({@link ViewCache}) a turn lasts a few queries.
 */
@ApplicationScoped
public class ViewTurns {
    static final int PER_CORE = 2;
    private final Semaphore turns = new Semaphore(PER_CORE * Runtime.getRuntime().availableProcessors(), true);

    public <T> T take(Supplier<T> work) {
        try {
            turns.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to read a report", e);
        }
        try {
            return work.get();
        } finally {
            turns.release();
        }
    }
}
