package org.paragrade.measure;

/** How a solution actually ran, as measured (not as written). */
public enum Behaviour {
    PARALLEL_PROCESSES("parallel processes", true),
    PARALLEL_THREADS("parallel threads (GIL released)", true),
    THREADS_GIL_BOUND("threads, GIL-bound", true),
    CONCURRENT_IO_THREADS("concurrent I/O with threads", true),
    CONCURRENT_IO_ASYNCIO("concurrent I/O with asyncio", true),
    CONCURRENT_IO_PROCESSES("concurrent I/O with processes", true),
    OVERSUBSCRIBED("more workers than cores", true),
    OVERHEAD_DOMINATED("processes, overhead-dominated", true),
    SERIALISED_BY_LOCKS("threads, serialised", true),
    SEQUENTIAL("sequential", false),
    UNKNOWN("unknown", false);

    private final String label;
    private final boolean concurrent;

    Behaviour(String label, boolean concurrent) {
        this.label = label;
        this.concurrent = concurrent;
    }

    /** A short name for reports ("threads, GIL-bound"). */
    public String label() {
        return label;
    }

    /** The solution ran more than one thread, process or event-loop task at a time. */
    public boolean concurrent() {
        return concurrent;
    }
}
