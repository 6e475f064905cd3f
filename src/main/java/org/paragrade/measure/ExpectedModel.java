package org.paragrade.measure;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The concurrency model an exercise teaches; {@code ANY} accepts whichever fits the work. */
public enum ExpectedModel {
    THREADS, PROCESSES, ASYNCIO, ANY;

    /** The word used in {@code exercise.yaml} and the JSON ("threads"). */
    @JsonValue
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ExpectedModel of(String word) {
        return parse(word).orElseThrow(() -> new IllegalArgumentException("unknown expected model '" + word + "'"));
    }

    public static Optional<ExpectedModel> parse(String word) {
        return Arrays.stream(values()).filter(m -> m.word().equals(word)).findFirst();
    }
}
