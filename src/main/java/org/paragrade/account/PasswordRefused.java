package org.paragrade.account;

/** A password change that cannot be made (wrong current password, a weak new one): answered 400. */
public class PasswordRefused extends RuntimeException {
    public PasswordRefused(String message) {
        super(message);
    }
}
