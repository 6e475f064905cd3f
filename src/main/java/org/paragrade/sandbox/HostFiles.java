package org.paragrade.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;

/**
 * The host's side of the files of a run. It never follows a symbolic link: snapshots copy regular files
 * and directories only, deletion walks without following links (Judge0 CVE-2024-28185/28189 were this).
 */
final class HostFiles {
    static final long SNAPSHOT_MAX_BYTES = 64L << 20;
    static final int SNAPSHOT_MAX_FILES = 10_000;

    private HostFiles() {
    }

    /** Copies the regular files and directories of {@code from} into the new directory {@code to}; links are skipped. */
    static void snapshot(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("not a directory: " + from);
        }
        long[] budget = {SNAPSHOT_MAX_BYTES, SNAPSHOT_MAX_FILES};
        Files.createDirectory(to, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.walkFileTree(from, EnumSet.noneOf(java.nio.file.FileVisitOption.class), 32, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(from)) {
                    Files.createDirectory(to.resolve(from.relativize(dir).toString()));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    budget[0] -= attrs.size();
                    budget[1]--;
                    if (budget[0] < 0 || budget[1] < 0) {
                        throw new IOException("solution directory too large to snapshot: " + from);
                    }
                    // NOFOLLOW: the copy opens the source without following a link swapped in meanwhile.
                    Files.copy(file, to.resolve(from.relativize(file).toString()), LinkOption.NOFOLLOW_LINKS);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Copies one regular file, refusing a link in its place. */
    static void copyFile(Path from, Path to) throws IOException {
        if (!Files.isRegularFile(from, LinkOption.NOFOLLOW_LINKS) || Files.size(from) > SNAPSHOT_MAX_BYTES) {
            throw new IOException("not a regular file of at most " + (SNAPSHOT_MAX_BYTES >> 20) + " MB: " + from);
        }
        Files.copy(from, to, LinkOption.NOFOLLOW_LINKS);
    }

    /** Deletes a tree without ever following a link (a link is removed itself, never its target). */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Copies a classpath resource to a server-owned file, world-readable, read-only. */
    static void extract(String resource, Path target) throws IOException {
        try (InputStream in = HostFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing resource " + resource);
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r--r--r--"));
    }

    static void writeReadOnly(Path target, String text) throws IOException {
        Files.writeString(target, text);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r--r--r--"));
    }
}
