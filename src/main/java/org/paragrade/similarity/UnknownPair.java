package org.paragrade.similarity;

/** No such pair, or not one the caller may see: answered 404. */
public class UnknownPair extends RuntimeException {
    public UnknownPair(long id) {
        super("There is no similarity pair " + id + ".");
    }
}
