package org.paragrade.portal;

/** The page exists but not for this role: answered with the 403 page. */
public class PageForbidden extends RuntimeException {
    public PageForbidden() {
        super("forbidden");
    }
}
