package org.paragrade.grading;

/** Where a grading is, for the live view; also the place a lost lease or a shutdown is noticed. */
interface Progress {
    void update(String phase, int done, int total);

    /** Throws when the grading must stop (lease lost, shutting down). */
    void checkContinue();
}
