package org.paragrade.authoring;

/** A bundle over the size cap, or an archive that would unpack too large: answered 413. */
public class BundleTooLarge extends RuntimeException {
    public BundleTooLarge(String message) {
        super(message);
    }
}
