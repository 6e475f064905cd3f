package org.paragrade.course;

import java.util.List;

/** A course request that cannot be used (a bad code, a bad roster, an offer that does not add up): 400. */
public class CourseRefused extends RuntimeException {
    private final transient List<RosterCsv.LineError> lines;

    public CourseRefused(String message) {
        this(message, List.of());
    }

    public CourseRefused(String message, List<RosterCsv.LineError> lines) {
        super(message);
        this.lines = List.copyOf(lines);
    }

    public List<RosterCsv.LineError> lines() {
        return lines;
    }
}
