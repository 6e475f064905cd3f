package org.paragrade.measure;

import java.util.Objects;

/** One cell of the benchmark: a variant at a worker count. Each round runs every trial once. */
public record Trial(RunVariant variant, int workers) {
    public Trial {
        Objects.requireNonNull(variant, "variant");
        if (workers < 1) throw new IllegalArgumentException("workers must be >= 1, was " + workers);
    }

    @Override
    public String toString() {
        return variant.word() + "@" + workers;
    }
}
