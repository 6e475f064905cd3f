package org.paragrade.grading;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import org.paragrade.measure.RunVariant;
import org.paragrade.curriculum.Bundle;

/**
 * The host folders one grading mounts (read-only) into its sandboxes: the exercise's trusted
 * files (checker.py, data/ — never reference/), the student's solution, and one folder per
 * reference holding it as solution.py. Written by the server only; deleted without following links.
 */
final class Workspace implements AutoCloseable {
    private final Path root;

    private Workspace(Path root) {
        this.root = root;
    }

    static Workspace create(Path parent, String name, Bundle bundle, Map<String, byte[]> solutionFiles)
            throws IOException {
        Files.createDirectories(parent);
        Path root = Files.createTempDirectory(parent, name + "-");
        Workspace ws = new Workspace(root);
        try {
            Path exercise = Files.createDirectory(root.resolve("exercise"));
            for (var e : bundle.files().entrySet()) {
                String path = e.getKey();
                if (path.equals("checker.py") || path.startsWith("data/")) {
                    write(exercise, path, e.getValue());
                }
            }
            if (solutionFiles != null) {
                Path solution = Files.createDirectory(root.resolve("solution"));
                for (var e : solutionFiles.entrySet()) {
                    write(solution, e.getKey(), e.getValue());
                }
            }
            for (RunVariant ref : bundle.manifest().references()) {
                Path dir = Files.createDirectory(root.resolve("ref-" + ref.word()));
                write(dir, "solution.py", bundle.files().get("reference/" + ref.word() + ".py"));
            }
            Path starter = Files.createDirectory(root.resolve("starter"));
            write(starter, "solution.py", bundle.files().get("starter/solution.py"));
            return ws;
        } catch (IOException | RuntimeException e) {
            ws.close();
            throw e;
        }
    }

    private static void write(Path dir, String relative, byte[] content) throws IOException {
        Path target = dir.resolve(relative).normalize();
        if (!target.startsWith(dir)) {
            throw new IOException("path escapes its folder: " + relative);
        }
        Files.createDirectories(target.getParent());
        Files.write(target, content);
    }

    /** The tampering scanner's folder, made on first use (its solution.py is the trusted scanner). */
    Path scanDir() throws IOException {
        Path dir = root.resolve("scan");
        if (!Files.isDirectory(dir)) {
            Files.createDirectory(dir);
            try (var in = Workspace.class.getResourceAsStream("/grading/tampering_scan.py")) {
                write(dir, "solution.py", in.readAllBytes());
            }
        }
        return dir;
    }

    Path exerciseDir() {
        return root.resolve("exercise");
    }

    /** The folder of a variant's {@code solution.py}. */
    Path dirOf(RunVariant variant) {
        return switch (variant) {
            case STUDENT -> root.resolve("solution");
            case STARTER -> root.resolve("starter");
            default -> root.resolve("ref-" + variant.word());
        };
    }

    @Override
    public void close() {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() { // does not follow links
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            if (Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                org.jboss.logging.Logger.getLogger(Workspace.class).warnf("Could not delete %s: %s", root, e);
            }
        }
    }
}
