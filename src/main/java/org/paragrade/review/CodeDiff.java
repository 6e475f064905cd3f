package org.paragrade.review;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.DiffAlgorithmListener;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What changed between two attempts, file by file, line by line (Myers' diff from java-diff-utils): the
 * changed lines with {@link #CONTEXT} unchanged lines around them, longer unchanged runs folded into one
 * "N unchanged lines" row. Files shown by neither side of the code view (binary, too big) are compared by
 * their bytes only.
 */
public final class CodeDiff {
    /** Unchanged lines kept around a change, as {@code diff -u} does. */
    static final int CONTEXT = 3;
    /**
     * The edit steps (Myers' D: lines that differ) one diff may spend over all its files. Myers' work grows
     * with the lines times D, so two attempts of 64 files whose every line differs (a student's to ask for, as
     * often as they like) would cost a core about a minute per page; past this budget the remaining files are
     * named, not compared line by line.
     */
    static final int MAX_EDITS = 2_000;

    public enum Change { ADDED, REMOVED, CHANGED, UNCHANGED }

    public enum Kind { SAME, ADD, DEL, GAP }

    /**
     * One row: a line of either side or both ({@code oldLine}/{@code newLine} null where it has none), or a
     * fold of {@code folded} unchanged lines.
     */
    public record Row(Kind kind, Integer oldLine, Integer newLine, String text, int folded) {
        public boolean fold() {
            return kind == Kind.GAP;
        }

        /** The row's class and mark on the page: same, add (+) or del (−). */
        public String css() {
            return kind.name().toLowerCase(java.util.Locale.ROOT);
        }

        public String mark() {
            return kind == Kind.ADD ? "+" : kind == Kind.DEL ? "−" : "";
        }
    }

    /** One file's part of the diff; {@code note} says why lines are not compared (binary, too big), or a cut. */
    public record FileDiff(String path, Change change, int added, int removed, List<Row> rows, boolean python,
                           String note) {
        public String word() {
            return change.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private CodeDiff() {
    }

    /** Every file of either attempt, by path, {@code solution.py} first: from {@code older} to {@code newer}. */
    public static List<FileDiff> between(Map<String, byte[]> older, Map<String, byte[]> newer) {
        TreeSet<String> paths = new TreeSet<>(CodeDiff::solutionFirst);
        paths.addAll(older.keySet());
        paths.addAll(newer.keySet());
        List<FileDiff> files = new ArrayList<>();
        int[] budget = {MAX_EDITS};
        for (String path : paths) {
            files.add(file(path, older.get(path), newer.get(path), budget));
        }
        return files;
    }

    static int solutionFirst(String a, String b) {
        boolean sa = "solution.py".equals(a);
        boolean sb = "solution.py".equals(b);
        return sa != sb ? (sa ? -1 : 1) : a.compareTo(b);
    }

    static FileDiff file(String path, byte[] before, byte[] after) {
        return file(path, before, after, new int[] {MAX_EDITS});
    }

    /** Thrown by the listener when a file's diff would spend more edit steps than the diff has left. */
    private static final class OverBudget extends RuntimeException {
        OverBudget() {
            super(null, null, false, false);
        }
    }

    /** {@code budget[0]}: the edit steps left for this diff, lowered by what this file spends. */
    static FileDiff file(String path, byte[] before, byte[] after, int[] budget) {
        Change change = before == null ? Change.ADDED : after == null ? Change.REMOVED
                : Arrays.equals(before, after) ? Change.UNCHANGED : Change.CHANGED;
        SourceFile a = before == null ? null : SourceFile.of(path, before);
        SourceFile b = after == null ? null : SourceFile.of(path, after);
        String notShown = a != null && a.notShown() != null ? a.notShown() : b != null ? b.notShown() : null;
        if (notShown != null) {
            return new FileDiff(path, change, 0, 0, List.of(), false, notShown.replace("Not shown:", "Lines not "
                    + "compared:") + (change == Change.UNCHANGED ? " Its bytes are the same in both." : ""));
        }
        List<String> old = a == null ? List.of() : a.lines();
        List<String> now = b == null ? List.of() : b.lines();
        String cut = a != null && a.cut() != null ? a.cut() : b != null ? b.cut() : null;
        List<Row> rows = new ArrayList<>();
        int added = 0;
        int removed = 0;
        int o = 0;
        int n = 0;
        List<AbstractDelta<String>> deltas;
        if (old.isEmpty() || now.isEmpty()) { // added or emptied: every line goes or comes, nothing to search
            for (int i = 0; i < old.size(); i++) {
                rows.add(new Row(Kind.DEL, i + 1, null, old.get(i), 0));
            }
            for (int i = 0; i < now.size(); i++) {
                rows.add(new Row(Kind.ADD, null, i + 1, now.get(i), 0));
            }
            return new FileDiff(path, change, now.size(), old.size(), rows, path.endsWith(".py"), cut);
        } else {
            int left = budget[0];
            int[] spent = {0};
            DiffAlgorithmListener meter = new DiffAlgorithmListener() {
                public void diffStart() {
                }

                public void diffStep(int d, int max) {
                    spent[0] = d;
                    if (d > left) {
                        throw new OverBudget();
                    }
                }

                public void diffEnd() {
                }
            };
            try {
                deltas = DiffUtils.diff(old, now, meter).getDeltas();
                budget[0] = left - spent[0];
            } catch (OverBudget e) {
                budget[0] = 0;
                return new FileDiff(path, change, 0, 0, List.of(), false, String.format(java.util.Locale.ROOT,
                        "Lines not compared: the diff compares at most %,d changed lines in all, and this file "
                                + "would pass that. Read the whole code of each attempt.", MAX_EDITS));
            }
        }
        for (AbstractDelta<String> d : deltas) {
            int from = d.getSource().getPosition();
            same(rows, old, o, n, from - o, o == 0, false);
            n += from - o;
            o = from;
            for (String line : d.getSource().getLines()) {
                rows.add(new Row(Kind.DEL, ++o, null, line, 0));
                removed++;
            }
            for (String line : d.getTarget().getLines()) {
                rows.add(new Row(Kind.ADD, null, ++n, line, 0));
                added++;
            }
        }
        same(rows, old, o, n, old.size() - o, o == 0 && deltas.isEmpty(), true);
        return new FileDiff(path, change, added, removed, rows, path.endsWith(".py"), cut);
    }

    /** {@code count} unchanged lines from {@code o}/{@code n} (0-based), folded but for the context they give. */
    private static void same(List<Row> rows, List<String> old, int o, int n, int count, boolean atStart,
                             boolean atEnd) {
        int head = atStart ? 0 : CONTEXT;
        int tail = atEnd ? 0 : CONTEXT;
        if (count <= head + tail + 1) {
            head = count;
            tail = 0;
        }
        for (int i = 0; i < head; i++) {
            rows.add(new Row(Kind.SAME, o + i + 1, n + i + 1, old.get(o + i), 0));
        }
        if (head == count) {
            return;
        }
        int folded = count - head - tail;
        rows.add(new Row(Kind.GAP, null, null, null, folded));
        for (int i = count - tail; i < count; i++) {
            rows.add(new Row(Kind.SAME, o + i + 1, n + i + 1, old.get(o + i), 0));
        }
    }
}
