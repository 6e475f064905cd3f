package org.paragrade.curriculum;

public class UnknownExercise extends RuntimeException {
    public UnknownExercise(String slug) {
        super("There is no exercise called '" + slug + "'.");
    }
}
