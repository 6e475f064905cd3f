package org.paragrade.curriculum;

import java.util.List;

/** Exercise settings we refuse (a deadline that is not a date, "three" attempts, ...): answered 400, nothing changed. */
public class SettingsRefused extends RuntimeException {
    private final List<String> problems;

    public SettingsRefused(List<String> problems) {
        super(String.join(" ", problems));
        this.problems = List.copyOf(problems);
    }

    public SettingsRefused(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
