package org.paragrade.sandbox;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code paragrade.interpreters} setting as an operator writes it. */
class InterpreterEntryTest {

    @Test
    void entriesCarryIdPathLabelAndWhetherTheyAreOptional() {
        List<InterpreterEntry> entries = InterpreterEntry.parseList(
                " cpython-3.11=/usr/bin/python3.11|CPython 3.11 (Debian) , ?cpython-3.13t=/opt/paragrade/cpython-3.13t/bin/python3.13t");
        assertThat(entries).containsExactly(
                new InterpreterEntry("cpython-3.11", "/usr/bin/python3.11", "CPython 3.11 (Debian)", false),
                new InterpreterEntry("cpython-3.13t", "/opt/paragrade/cpython-3.13t/bin/python3.13t", null, true));
    }

    @Test
    void blankMeansNoFurtherInterpreters() {
        assertThat(InterpreterEntry.parseList("")).isEmpty();
        assertThat(InterpreterEntry.parseList(null)).isEmpty();
        assertThat(InterpreterEntry.parseList(" , ")).isEmpty();
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        assertThatThrownBy(() -> InterpreterEntry.parseList("Bad Id=/usr/bin/python3, justapath, a=/x, a=/y, b="))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("paragrade.interpreters: ")
                .hasMessageContaining("interpreter id 'Bad Id' must be")
                .hasMessageContaining("'justapath' is not id=path[|label]")
                .hasMessageContaining("interpreter id 'a' is listed twice")
                .hasMessageContaining("interpreter 'b' needs a path");
    }

    @Test
    void theDefaultInterpretersIdComesFromItsVersionAndBuild() {
        assertThat(Interpreter.derivedId("3.11.7", false)).isEqualTo("cpython-3.11");
        assertThat(Interpreter.derivedId("3.13.5", true)).isEqualTo("cpython-3.13t");
        assertThat(Interpreter.describe("3.13.5", true, false)).isEqualTo("CPython 3.13.5, free-threaded (GIL off)");
    }
}
