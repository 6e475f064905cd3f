package org.paragrade.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paragrade.review.CodeDiff.Change;
import org.paragrade.review.CodeDiff.FileDiff;
import org.paragrade.review.CodeDiff.Kind;
import org.paragrade.review.CodeDiff.Row;

/** What a grader reads in the diff of two attempts: which lines went, which came, the rest folded. */
class CodeDiffTest {
    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String numbered(int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i <= to; i++) {
            b.append("x").append(i).append(" = ").append(i).append('\n');
        }
        return b.toString();
    }

    static String rendered(List<Row> rows) {
        StringBuilder b = new StringBuilder();
        for (Row r : rows) {
            b.append(switch (r.kind()) {
                case SAME -> "  " + r.oldLine() + "/" + r.newLine() + " " + r.text();
                case ADD -> "+ " + r.newLine() + " " + r.text();
                case DEL -> "- " + r.oldLine() + " " + r.text();
                case GAP -> "… " + r.folded();
            }).append('\n');
        }
        return b.toString();
    }

    @Test
    void aChangedLineShowsBothVersionsWithThreeLinesAroundAndTheRestFolded() {
        String before = numbered(1, 20);
        String after = before.replace("x10 = 10\n", "x10 = 'ten'\n");
        FileDiff f = CodeDiff.file("solution.py", utf8(before), utf8(after));
        assertThat(f.change()).isEqualTo(Change.CHANGED);
        assertThat(f.added()).isEqualTo(1);
        assertThat(f.removed()).isEqualTo(1);
        assertThat(rendered(f.rows())).isEqualTo("""
                … 6
                  7/7 x7 = 7
                  8/8 x8 = 8
                  9/9 x9 = 9
                - 10 x10 = 10
                + 10 x10 = 'ten'
                  11/11 x11 = 11
                  12/12 x12 = 12
                  13/13 x13 = 13
                … 7
                """);
    }

    @Test
    void insertedLinesShiftTheNewNumbersOnly() {
        String before = "a\nb\nc\n";
        String after = "a\nnew1\nnew2\nb\nc\n";
        FileDiff f = CodeDiff.file("solution.py", utf8(before), utf8(after));
        assertThat(rendered(f.rows())).isEqualTo("""
                  1/1 a
                + 2 new1
                + 3 new2
                  2/4 b
                  3/5 c
                """);
    }

    @Test
    void filesOnlyInOneAttemptAreAddedOrRemovedAndIdenticalOnesFold() {
        Map<String, byte[]> older = new LinkedHashMap<>();
        older.put("solution.py", utf8("import old\n"));
        older.put("old.py", utf8("x = 1\n"));
        older.put("same.py", utf8(numbered(1, 30)));
        Map<String, byte[]> newer = new LinkedHashMap<>();
        newer.put("same.py", utf8(numbered(1, 30)));
        newer.put("solution.py", utf8("import helpers\n"));
        newer.put("helpers.py", utf8("def f():\n    return 1\n"));

        List<FileDiff> files = CodeDiff.between(older, newer);
        assertThat(files).extracting(FileDiff::path).containsExactly("solution.py", "helpers.py", "old.py", "same.py");
        assertThat(files).extracting(FileDiff::change)
                .containsExactly(Change.CHANGED, Change.ADDED, Change.REMOVED, Change.UNCHANGED);
        assertThat(rendered(files.get(1).rows())).isEqualTo("+ 1 def f():\n+ 2     return 1\n");
        assertThat(rendered(files.get(2).rows())).isEqualTo("- 1 x = 1\n");
        assertThat(files.get(3).rows()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(Kind.GAP);
            assertThat(r.folded()).isEqualTo(30);
        });
    }

    @Test
    void aBinaryFileIsComparedByItsBytesAndSaysSo() {
        FileDiff f = CodeDiff.file("lib.so", new byte[]{0x7f, 'E', 'L', 'F', 0, 1}, new byte[]{0x7f, 'E', 'L', 'F', 0, 2});
        assertThat(f.change()).isEqualTo(Change.CHANGED);
        assertThat(f.rows()).isEmpty();
        assertThat(f.note()).startsWith("Lines not compared: a binary file");
    }

    static String lettered(String prefix, int lines) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            b.append(prefix).append(i).append(" = 1\n");
        }
        return b.toString();
    }

    @Test
    void attemptsWhoseEveryLineDiffersCostABoundedDiffAndTheFilesPastTheBudgetAreOnlyNamed() {
        // a student may upload two attempts of 64 files, every line different, and ask for their diff as often
        // as they like: without a bound each such file costs Myers' (lines x changes), a core-minute per page
        Map<String, byte[]> older = new LinkedHashMap<>();
        Map<String, byte[]> newer = new LinkedHashMap<>();
        older.put("solution.py", utf8("x = 1\n"));
        newer.put("solution.py", utf8("x = 2\n"));
        for (int f = 0; f < 12; f++) {
            older.put("m" + f + ".py", utf8(lettered("a", 1750)));
            newer.put("m" + f + ".py", utf8(lettered("b", 1750)));
        }
        long start = System.nanoTime();
        List<FileDiff> files = CodeDiff.between(older, newer);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(files).hasSize(13);
        FileDiff solution = files.get(0);
        assertThat(solution.path()).isEqualTo("solution.py");
        assertThat(solution.added()).isEqualTo(1);
        assertThat(solution.removed()).isEqualTo(1);
        assertThat(files.subList(1, 13)).allSatisfy(f -> {
            assertThat(f.change()).isEqualTo(Change.CHANGED);
            assertThat(f.rows()).isEmpty();
            assertThat(f.note()).startsWith("Lines not compared:").contains("2,000 changed lines");
        });
        assertThat(millis).as("diff time in ms").isLessThan(5_000);
    }

    @Test
    void anAddedFileIsAllAddedWithoutSpendingTheBudget() {
        Map<String, byte[]> older = new LinkedHashMap<>();
        Map<String, byte[]> newer = new LinkedHashMap<>();
        older.put("solution.py", utf8("x = 1\n"));
        newer.put("solution.py", utf8("x = 2\n"));
        newer.put("big.py", utf8(lettered("b", 1999)));
        older.put("z.py", utf8(lettered("z", 1999)));
        newer.put("z.py", utf8(lettered("z", 1999) + "tail = 1\n"));
        List<FileDiff> files = CodeDiff.between(older, newer);
        assertThat(files.get(1).path()).isEqualTo("big.py");
        assertThat(files.get(1).change()).isEqualTo(Change.ADDED);
        assertThat(files.get(1).added()).isEqualTo(1999);
        assertThat(files.get(1).rows()).hasSize(1999).allSatisfy(r -> assertThat(r.kind()).isEqualTo(Kind.ADD));
        assertThat(files.get(1).rows().get(0).newLine()).isEqualTo(1);
        assertThat(files.get(2).note()).isNull();
        assertThat(files.get(2).added()).isEqualTo(1);
    }
}
