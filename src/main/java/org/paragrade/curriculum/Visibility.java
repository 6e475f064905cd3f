package org.paragrade.curriculum;

import java.util.Locale;
import java.util.Optional;

/**
 * What a student may see of a correctness case: everything ({@code visible}), only "Hidden case N:
 * passed/failed" ({@code hidden}), or that until their deadline has passed ({@code after-deadline}).
 */
public enum Visibility {
    VISIBLE, HIDDEN, AFTER_DEADLINE;

    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Visibility> parse(String word) {
        for (Visibility v : values()) {
            if (v.word().equals(word)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
