package org.paragrade.archive;

/** An archive we will not take; the message is shown to the person who uploaded it. */
public class ArchiveRefused extends RuntimeException {
    private final boolean tooLarge;

    public ArchiveRefused(String message) {
        this(message, false);
    }

    public ArchiveRefused(String message, boolean tooLarge) {
        super(message);
        this.tooLarge = tooLarge;
    }

    /** True when the refusal is about size (answered 413), false for a malformed archive (400). */
    public boolean tooLarge() {
        return tooLarge;
    }
}
