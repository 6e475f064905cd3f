package org.paragrade.measure;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which code a run executes: the student's solution, the bundle's starter, or one of its trusted
 * references ({@code reference/<word>.py}).
 */
public enum RunVariant {
    STUDENT, STARTER, SEQUENTIAL, THREADS, PROCESSES, ASYNCIO, HYBRID;

    /** The references every bundle must have. */
    public static final List<RunVariant> REQUIRED_REFERENCES = List.of(SEQUENTIAL, THREADS, PROCESSES);

    /** The word used in file names, {@code exercise.yaml} and the JSON ("sequential"). */
    @JsonValue
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isReference() {
        return this != STUDENT && this != STARTER;
    }

    /** What a report calls it ("submitted solution", "threads reference"). */
    public String label() {
        return switch (this) {
            case STUDENT -> "submitted solution";
            case STARTER -> "starter";
            default -> word() + " reference";
        };
    }

    @JsonCreator
    public static RunVariant of(String word) {
        return parse(word).orElseThrow(() -> new IllegalArgumentException("unknown run variant '" + word + "'"));
    }

    public static Optional<RunVariant> parse(String word) {
        return Arrays.stream(values()).filter(v -> v.word().equals(word)).findFirst();
    }

    /** The reference names a bundle may use, for error messages. */
    public static List<String> referenceWords() {
        return Arrays.stream(values()).filter(RunVariant::isReference).map(RunVariant::word).toList();
    }
}
