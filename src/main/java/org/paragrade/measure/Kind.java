package org.paragrade.measure;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What bounds an exercise's work: the CPU, waiting on I/O, synchronisation, or a mix. */
public enum Kind {
    CPU, IO, SYNC, MIXED;

    /** The word used in {@code exercise.yaml} and the JSON ("cpu"). */
    @JsonValue
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Kind of(String word) {
        return parse(word).orElseThrow(() -> new IllegalArgumentException("unknown kind '" + word + "'"));
    }

    public static Optional<Kind> parse(String word) {
        return Arrays.stream(values()).filter(k -> k.word().equals(word)).findFirst();
    }
}
