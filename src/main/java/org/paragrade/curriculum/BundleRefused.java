package org.paragrade.curriculum;

import java.util.List;

/** A bundle that cannot be imported, with every reason found. */
public class BundleRefused extends RuntimeException {
    private final List<String> reasons;

    public BundleRefused(List<String> reasons) {
        super(String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public BundleRefused(String reason) {
        this(List.of(reason));
    }

    public List<String> reasons() {
        return reasons;
    }
}
