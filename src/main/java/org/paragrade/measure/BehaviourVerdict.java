package org.paragrade.measure;

import java.util.Objects;

/**
 * What the classifier concluded.
 *
 * @param matchesExpected the behaviour is what the exercise's expected model should give
 * @param explanation     one or two plain sentences, with the measured numbers, for the student
 */
public record BehaviourVerdict(Behaviour behaviour, boolean matchesExpected, String explanation) {

    /**
     * Share of the behaviour points this verdict earns: all when it matches the expected model;
     * half when the solution was concurrent but in the wrong way (it tried, and learnt half the
     * lesson: threads on a CPU-bound task still beat not sharing the work at all); none when it
     * never ran anything concurrently or could not be classified.
     */
    public static final double PARTIAL_CREDIT = 0.5;

    public BehaviourVerdict {
        Objects.requireNonNull(behaviour, "behaviour");
        Objects.requireNonNull(explanation, "explanation");
    }

    public double credit() {
        if (matchesExpected) return 1.0;
        return behaviour.concurrent() ? PARTIAL_CREDIT : 0.0;
    }
}
