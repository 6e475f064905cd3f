package org.paragrade.grading.score;

/**
 * An exercise's scoring weights ({@code scoring:} in exercise.yaml). The maximum score is the sum
 * of the three weights.
 *
 * @param performanceTarget full performance points at this fraction of the reference speed-up
 */
public record ScoringWeights(double correctness, double performance, double behaviour, double performanceTarget) {

    public ScoringWeights {
        requireWeight("correctness", correctness);
        requireWeight("performance", performance);
        requireWeight("behaviour", behaviour);
        if (!(performanceTarget > 0) || !Double.isFinite(performanceTarget)) {
            throw new IllegalArgumentException("performanceTarget must be > 0, was " + performanceTarget);
        }
    }

    public double max() {
        return correctness + performance + behaviour;
    }

    private static void requireWeight(String name, double weight) {
        if (!(weight >= 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException(name + " weight must be >= 0, was " + weight);
        }
    }
}
