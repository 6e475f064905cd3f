package org.paragrade.audit;

/** A filter of the trail that cannot be read (400). */
public class AuditRefused extends RuntimeException {
    public AuditRefused(String message) {
        super(message);
    }
}
