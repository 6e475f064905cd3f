package org.paragrade.portal;

/** Nothing here for this viewer: answered with the 404 page (also for other students' submissions). */
public class PageNotFound extends RuntimeException {
    public PageNotFound() {
        super("not found");
    }
}
