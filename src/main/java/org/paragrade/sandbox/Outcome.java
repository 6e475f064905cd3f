package org.paragrade.sandbox;

/** How a run ended. Exactly one per run; only INTERNAL_ERROR is ours (the engine retries it). */
public enum Outcome {
    COMPLETED, RUNTIME_ERROR, TIME_LIMIT_CPU, TIME_LIMIT_WALL, MEMORY_LIMIT, PROCESS_LIMIT, OUTPUT_LIMIT,
    INTERNAL_ERROR
}
