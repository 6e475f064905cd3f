package org.paragrade.curriculum;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.paragrade.archive.SafeZip;
import org.paragrade.archive.ZipCaps;

/**
 * An exercise bundle: its files by relative path, and the manifest parsed from them.
 * Built from a folder under {@code exercises/} or from an uploaded zip; checked for the
 * structure the design fixes before anything is stored.
 */
public final class Bundle {
    private final Map<String, byte[]> files;
    private final ExerciseManifest manifest;

    private Bundle(Map<String, byte[]> files) {
        this.files = new TreeMap<>(files);
        byte[] yaml = this.files.get("exercise.yaml");
        if (yaml == null) {
            throw new BundleRefused("the bundle has no exercise.yaml at its top level");
        }
        this.manifest = ManifestParser.parse(utf8("exercise.yaml", yaml));
        checkStructure();
    }

    public static Bundle fromDirectory(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) { // does not follow links
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isSymbolicLink(p)) {
                    throw new BundleRefused("the bundle contains a link: " + dir.relativize(p));
                }
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    String rel = dir.relativize(p).toString().replace('\\', '/');
                    if (!rel.contains("__pycache__") && !rel.endsWith(".pyc")) {
                        files.put(rel, Files.readAllBytes(p));
                    }
                }
            }
        }
        return new Bundle(files);
    }

    public static Bundle fromZip(byte[] zip) {
        Map<String, byte[]> raw = SafeZip.withoutSingleTopFolder(SafeZip.read(zip, ZipCaps.BUNDLE), "exercise.yaml");
        Map<String, byte[]> files = new TreeMap<>();
        raw.forEach((k, v) -> {
            if (!k.contains("__pycache__") && !k.endsWith(".pyc") && !k.startsWith("__MACOSX/")) {
                files.put(k, v);
            }
        });
        return new Bundle(files);
    }

    /** Rebuilds a bundle with some files replaced (the browser editor's new version). */
    public Bundle with(Map<String, byte[]> replaced) {
        Map<String, byte[]> copy = new TreeMap<>(files);
        copy.putAll(replaced);
        return new Bundle(copy);
    }

    private void checkStructure() {
        List<String> errors = new ArrayList<>();
        for (String required : List.of("statement.md", "starter/solution.py")) {
            if (!files.containsKey(required)) {
                errors.add("missing " + required);
            }
        }
        for (var ref : manifest.references()) {
            if (!files.containsKey("reference/" + ref.word() + ".py")) {
                errors.add("missing reference/" + ref.word() + ".py (listed in references)");
            }
        }
        for (var e : files.entrySet()) {
            String path = e.getKey();
            if (path.endsWith(".py") || path.endsWith(".md") || path.endsWith(".yaml")) {
                try {
                    utf8(path, e.getValue());
                } catch (BundleRefused refused) {
                    errors.addAll(refused.reasons());
                }
            }
            if (!path.equals("exercise.yaml") && !path.equals("statement.md") && !path.equals("checker.py")
                    && !path.startsWith("starter/") && !path.startsWith("reference/") && !path.startsWith("data/")
                    && !path.startsWith("tools/") && !path.equals("README.md")) {
                errors.add("unexpected file '" + path + "' (allowed: exercise.yaml, statement.md, checker.py, "
                        + "starter/, reference/, data/)");
            }
        }
        if (!errors.isEmpty()) {
            throw new BundleRefused(errors);
        }
    }

    private static String utf8(String path, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BundleRefused(path + " is not UTF-8 text");
        }
    }

    public ExerciseManifest manifest() {
        return manifest;
    }

    public Map<String, byte[]> files() {
        return java.util.Collections.unmodifiableMap(files);
    }

    public String text(String path) {
        byte[] b = files.get(path);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    public String statement() {
        return text("statement.md");
    }

    /** SHA-256 over every path and content, in path order: equal bundles have equal hashes. */
    public String contentHash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (var e : files.entrySet()) {
                digest.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Long.toString(e.getValue().length).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(e.getValue());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A deterministic zip of the bundle (fixed timestamps, path order). */
    public byte[] toZip() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (var e : files.entrySet()) {
                    ZipEntry entry = new ZipEntry(e.getKey());
                    entry.setTime(0);
                    zip.putNextEntry(entry);
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
