package org.paragrade.submission;

/** An upload we refuse; answered 400 (or 413 when too large) with the message, nothing stored. */
public class UploadRefused extends RuntimeException {
    private final boolean tooLarge;

    public UploadRefused(String message, boolean tooLarge) {
        super(message);
        this.tooLarge = tooLarge;
    }

    public boolean tooLarge() {
        return tooLarge;
    }
}
