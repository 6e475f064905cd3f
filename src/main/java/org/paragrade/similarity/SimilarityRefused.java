package org.paragrade.similarity;

/** A similarity request that cannot be answered as asked (e.g. which course is meant): answered 400. */
public class SimilarityRefused extends RuntimeException {
    public SimilarityRefused(String message) {
        super(message);
    }
}
