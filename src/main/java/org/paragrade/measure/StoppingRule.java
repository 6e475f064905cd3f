package org.paragrade.measure;

/**
 * Whether the figures measured so far already decide the grade. The scorer provides it (it knows the
 * points); the plan asks it after every round of the cells the grade needs.
 */
@FunctionalInterface
public interface StoppingRule {

    boolean decided(SpeedupCurve curve);

    /** Never decided early: every plan runs to its cap (for tests and the bundle validator). */
    StoppingRule NEVER = curve -> false;
}
