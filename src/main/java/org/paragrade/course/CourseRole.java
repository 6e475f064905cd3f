package org.paragrade.course;

import java.util.Locale;
import java.util.Optional;

/** A person's role in one course (their site role is {@code account.role}). */
public enum CourseRole {
    STUDENT, GRADER, INSTRUCTOR;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean staff() {
        return this != STUDENT;
    }

    public static Optional<CourseRole> of(String word) {
        for (CourseRole r : values()) {
            if (r.word().equals(word)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
