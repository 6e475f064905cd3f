package org.paragrade.measure;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Objects;

/**
 * A reason a grader should look at a grade, in plain words for the student ({@code flags [{code, message}]});
 * a flag found in the submitted code also names its file and line.
 *
 * @param message one or two sentences with the measured numbers
 */
public record Flag(FlagCode code, String message, String file, Integer line) {
    @JsonCreator
    public Flag {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public Flag(FlagCode code, String message) {
        this(code, message, null, null);
    }
}
