package org.paragrade.curriculum;

/** Fired (synchronously, in the storing transaction) when an exercise is stored for the first time. */
public record ExerciseCreated(Exercise exercise) {
}
