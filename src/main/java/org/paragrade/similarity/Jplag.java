package org.paragrade.similarity;

import de.jplag.JPlag;
import de.jplag.JPlagComparison;
import de.jplag.JPlagResult;
import de.jplag.Language;
import de.jplag.Match;
import de.jplag.Token;
import de.jplag.clustering.ClusteringOptions;
import de.jplag.exceptions.ExitException;
import de.jplag.options.JPlagOptions;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * JPlag 4.3.0 over Python sources, in this JVM: each source is written to its own folder of a private
 * temporary directory, the starter code to another (JPlag's base code, whose tokens never count as a
 * match), and JPlag compares every pair token by token (Greedy String Tiling over the Python 3 grammar's
 * tokens, so renamed names and changed comments do not hide a copy).
 *
 * <p>Hostile text is screened first, one source at a time: a source over {@link #MAX_SOURCE_CHARS}, or one
 * the grammar cannot tokenise (a syntax error, or nesting so deep that the ANTLR parser overflows its stack)
 * is left out with its reason, so one student's file cannot fail the run for the course.
 */
public final class Jplag {
    /** More than the 256 KB a single uploaded .py may have is never needed to compare solutions. */
    public static final int MAX_SOURCE_CHARS = 256 * 1024;

    private static final String BASE = "starter";

    private Jplag() {
    }

    /** One student's code: {@code key} names it in the outcome; files by relative path. */
    public record Source(String key, Map<String, String> files) {
    }

    /** A matched stretch, as 1-based line ranges in a file of each side. */
    public record Region(String fileA, int fromA, int toA, String fileB, int fromB, int toB, int tokens) {
    }

    /** {@code similarity} in 0..1 (JPlag's average similarity: matched tokens over both sides' tokens). */
    public record Pair(String a, String b, double similarity, List<Region> regions) {
    }

    /** The pairs, most similar first, and the sources left out with why. */
    public record Outcome(List<Pair> pairs, Map<String, String> skipped, long millis) {
    }

    /**
     * @param sources  at most as many as the caller bounds (the pairs are n·(n−1)/2); keys unique
     * @param baseCode the starter's files (may be empty)
     * @param work     an empty directory owned by this run; the caller deletes it
     */
    public static Outcome compare(List<Source> sources, Map<String, String> baseCode, Path work) {
        Language python = new de.jplag.python3.Language();
        Map<String, String> skipped = new LinkedHashMap<>();
        Path root = work.resolve("submissions");
        Set<String> kept = new HashSet<>();
        try {
            Files.createDirectories(root);
            for (Source s : sources) {
                String why = write(s.files(), root.resolve(s.key()), python);
                if (why != null) {
                    skipped.put(s.key(), why);
                    deleteTree(root.resolve(s.key()));
                } else {
                    kept.add(s.key());
                }
            }
            if (kept.size() < 2) {
                return new Outcome(List.of(), skipped, 0);
            }
            Path base = work.resolve(BASE);
            boolean hasBase = !baseCode.isEmpty() && write(baseCode, base, python) == null;
            JPlagOptions options = new JPlagOptions(python, Set.of(root.toFile()), Set.of())
                    .withMaximumNumberOfComparisons(JPlagOptions.SHOW_ALL_COMPARISONS)
                    .withClusteringOptions(new ClusteringOptions().withEnabled(false));
            if (hasBase) {
                options = options.withBaseCodeSubmissionDirectory(base.toFile());
            }
            JPlagResult result = new JPlag(options).run();
            List<Pair> pairs = new ArrayList<>();
            for (JPlagComparison c : result.getAllComparisons()) {
                pairs.add(pairOf(c));
            }
            pairs.sort(Comparator.comparingDouble(Pair::similarity).reversed()
                    .thenComparing(Pair::a).thenComparing(Pair::b));
            for (var s : result.getSubmissions().getInvalidSubmissions()) {
                skipped.putIfAbsent(s.getName(), "JPlag could not read it.");
            }
            return new Outcome(pairs, skipped, result.getDuration());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ExitException e) {
            throw new IllegalStateException("JPlag refused the run: " + e.getMessage(), e);
        }
    }

    /** Writes one side's .py files and checks the grammar reads them; null when fine, else why not. */
    private static String write(Map<String, String> files, Path dir, Language python) throws IOException {
        Files.createDirectories(dir);
        int chars = 0;
        Set<File> written = new HashSet<>();
        for (var f : files.entrySet()) {
            if (!f.getKey().endsWith(".py")) {
                continue;
            }
            chars += f.getValue().length();
            if (chars > MAX_SOURCE_CHARS) {
                return "Its Python files exceed " + MAX_SOURCE_CHARS / 1024 + " KB, more than comparing needs.";
            }
            Path target = dir.resolve(f.getKey()).normalize();
            if (!target.startsWith(dir) || target.equals(dir)) {
                return "A file name points outside its folder: " + f.getKey();
            }
            Files.createDirectories(target.getParent());
            Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
            written.add(target.toFile());
        }
        if (written.isEmpty()) {
            return "It has no Python file.";
        }
        try {
            List<Token> tokens = python.parse(written);
            if (tokens.size() <= python.minimumTokenMatch()) {
                return "Too short to compare.";
            }
        } catch (de.jplag.ParsingException e) {
            return "The Python 3 grammar cannot read it (" + firstLine(e.getMessage()) + ").";
        } catch (StackOverflowError e) {
            return "Its code is nested too deeply for the Python 3 grammar.";
        } catch (RuntimeException e) {
            return "The Python 3 grammar cannot read it (" + firstLine(e.getMessage()) + ").";
        }
        return null;
    }

    private static Pair pairOf(JPlagComparison c) {
        List<Token> first = c.firstSubmission().getTokenList();
        List<Token> second = c.secondSubmission().getTokenList();
        Path rootA = c.firstSubmission().getRoot().toPath();
        Path rootB = c.secondSubmission().getRoot().toPath();
        List<Region> regions = new ArrayList<>();
        for (Match m : c.matches()) {
            Token a0 = first.get(m.startOfFirst());
            Token a1 = first.get(m.endOfFirst());
            Token b0 = second.get(m.startOfSecond());
            Token b1 = second.get(m.endOfSecond());
            regions.add(new Region(relative(rootA, a0.getFile()), a0.getLine(), Math.max(a0.getLine(), a1.getLine()),
                    relative(rootB, b0.getFile()), b0.getLine(), Math.max(b0.getLine(), b1.getLine()), m.length()));
        }
        regions.sort(Comparator.comparing(Region::fileA).thenComparingInt(Region::fromA));
        double similarity = Math.max(0, Math.min(1, c.similarity()));
        return new Pair(c.firstSubmission().getName(), c.secondSubmission().getName(), similarity, regions);
    }

    private static String relative(Path root, File file) {
        return root.relativize(file.toPath()).toString().replace(File.separatorChar, '/');
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /** Deletes a tree this run wrote, never following a link. */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
