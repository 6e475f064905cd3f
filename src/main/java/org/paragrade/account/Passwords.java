package org.paragrade.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Changing one's own password (portal and API alike) and the random initial passwords of a roster
 * import. A password is never logged, in either direction.
 */
@ApplicationScoped
@Transactional
public class Passwords {
    private static final Logger LOG = Logger.getLogger(Passwords.class);
    public static final int MINIMUM_LENGTH = 10;
    // No 0/O, 1/l/I: an initial password is read off a sheet of paper.
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SessionAccounts sessions;
    private final TransactionSynchronizationRegistry transactions;

    public Passwords(SessionAccounts sessions, TransactionSynchronizationRegistry transactions) {
        this.sessions = sessions;
        this.transactions = transactions;
    }

    /** @throws PasswordRefused when {@code current} is wrong or {@code next} too weak; then nothing changed */
    public void change(String username, String current, String next) {
        Account account = Account.findByUsername(username).orElseThrow();
        if (current == null || !BcryptUtil.matches(current, account.passwordHash)) {
            throw new PasswordRefused("Your current password is not right.");
        }
        String weakness = weakness(username, current, next);
        if (weakness != null) {
            throw new PasswordRefused(weakness);
        }
        account.passwordHash = BcryptUtil.bcryptHash(next);
        account.mustChangePassword = false;
        // once committed, the account's sessions on this instance read it again (its initial-password gate lifts)
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                sessions.forget(username);
            }
        });
        LOG.infof("Account %s changed its password", username);
    }

    /** Why {@code next} may not be the new password, or null when it may. */
    static String weakness(String username, String current, String next) {
        if (next == null || next.codePointCount(0, next.length()) < MINIMUM_LENGTH) {
            return "The new password must have at least " + MINIMUM_LENGTH + " characters.";
        }
        if (next.length() > 200) {
            return "The new password may have at most 200 characters.";
        }
        if (next.equals(current)) {
            return "The new password must differ from the current one.";
        }
        if (next.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return "The new password must not contain your user name.";
        }
        if (next.chars().distinct().count() < 4) {
            return "The new password is too easy to guess: use more different characters.";
        }
        return null;
    }

    /** A random password of 14 characters (about 81 bits), to be changed at first login. */
    public static String initial() {
        StringBuilder b = new StringBuilder(14);
        for (int i = 0; i < 14; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
