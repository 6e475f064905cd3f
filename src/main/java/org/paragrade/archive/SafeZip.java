package org.paragrade.archive;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads a zip into a map of normalised relative path to bytes, refusing anything unsafe:
 * {@code ..} or absolute names, links and other non-regular entries, too many entries,
 * files or totals over the caps (counted as they stream, never trusted from headers),
 * compression ratios of a bomb, duplicate names.
 */
public final class SafeZip {
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_OF_CENTRAL = 0x06054b50;
    private static final int S_IFMT = 0170000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFDIR = 0040000;

    private SafeZip() {
    }

    public static Map<String, byte[]> read(byte[] zip, ZipCaps caps) {
        if (zip.length < 22) {
            throw new ArchiveRefused("The file is not a valid zip archive.");
        }
        Map<String, Long> declared = checkCentralDirectory(zip, caps);
        Map<String, byte[]> files = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            int seen = 0;
            while ((entry = in.getNextEntry()) != null) {
                if (++seen > caps.maxEntries()) {
                    throw new ArchiveRefused("The archive has more than " + caps.maxEntries() + " entries.", true);
                }
                String name = normalise(entry.getName());
                if (entry.isDirectory() || name.isEmpty()) {
                    continue;
                }
                if (!declared.containsKey(name)) {
                    throw new ArchiveRefused("The archive is inconsistent (entry '" + name + "' is not in its directory).");
                }
                if (files.containsKey(name)) {
                    throw new ArchiveRefused("The archive contains '" + name + "' twice.");
                }
                byte[] content = readCapped(in, name, caps, caps.maxTotalBytes() - total);
                total += content.length;
                long compressed = Math.max(1, declared.get(name));
                if (content.length > 1024 * 1024 && content.length / compressed > caps.maxRatio()) {
                    throw new ArchiveRefused("'" + name + "' expands " + (content.length / compressed)
                            + " times; that looks like a zip bomb.", true);
                }
                files.put(name, content);
            }
        } catch (ZipException e) {
            throw new ArchiveRefused("The file is not a valid zip archive (" + e.getMessage() + ").");
        } catch (IOException e) {
            throw new ArchiveRefused("The zip archive could not be read (" + e.getMessage() + ").");
        }
        return files;
    }

    private static byte[] readCapped(InputStream in, String name, ZipCaps caps, long totalLeft) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long limit = Math.min(caps.maxFileBytes(), totalLeft);
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
            if (out.size() > limit) {
                if (out.size() > caps.maxFileBytes()) {
                    throw new ArchiveRefused("'" + name + "' is larger than " + human(caps.maxFileBytes())
                            + " once unpacked.", true);
                }
                throw new ArchiveRefused("The archive holds more than " + human(caps.maxTotalBytes())
                        + " once unpacked.", true);
            }
        }
        return out.toByteArray();
    }

    /**
     * Walks the central directory (which {@link ZipInputStream} does not expose) to count entries
     * and to see each entry's Unix mode, so links and devices are refused before anything is read.
     */
    private static Map<String, Long> checkCentralDirectory(byte[] zip, ZipCaps caps) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int eocd = -1;
        for (int i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
            if (b.getInt(i) == END_OF_CENTRAL) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0) {
            throw new ArchiveRefused("The file is not a valid zip archive (no central directory).");
        }
        int count = Short.toUnsignedInt(b.getShort(eocd + 10));
        long offset = Integer.toUnsignedLong(b.getInt(eocd + 16));
        if (count == 0xFFFF || offset == 0xFFFFFFFFL) {
            throw new ArchiveRefused("ZIP64 archives are not accepted.");
        }
        if (count > caps.maxEntries()) {
            throw new ArchiveRefused("The archive has " + count + " entries; at most " + caps.maxEntries()
                    + " are allowed.", true);
        }
        Map<String, Long> compressedSizes = new HashMap<>();
        List<String> names = new ArrayList<>();
        int p = (int) offset;
        for (int i = 0; i < count; i++) {
            if (p < 0 || p + 46 > zip.length || b.getInt(p) != CENTRAL_HEADER) {
                throw new ArchiveRefused("The file is not a valid zip archive (broken central directory).");
            }
            int madeBy = Short.toUnsignedInt(b.getShort(p + 4)) >> 8;
            long compressed = Integer.toUnsignedLong(b.getInt(p + 20));
            int nameLen = Short.toUnsignedInt(b.getShort(p + 28));
            int extraLen = Short.toUnsignedInt(b.getShort(p + 30));
            int commentLen = Short.toUnsignedInt(b.getShort(p + 32));
            long external = Integer.toUnsignedLong(b.getInt(p + 38));
            if (p + 46 + nameLen > zip.length) {
                throw new ArchiveRefused("The file is not a valid zip archive (broken central directory).");
            }
            String raw = new String(zip, p + 46, nameLen, StandardCharsets.UTF_8);
            String name = normalise(raw);
            if (madeBy == 3) { // Unix: the high 16 bits are st_mode
                int mode = (int) (external >>> 16);
                int type = mode & S_IFMT;
                if (type != 0 && type != S_IFREG && type != S_IFDIR) {
                    throw new ArchiveRefused("'" + raw + "' is a link or special file; only regular files are accepted.");
                }
            }
            if (!raw.endsWith("/") && !name.isEmpty()) {
                compressedSizes.put(name, compressed);
                names.add(name);
            }
            p += 46 + nameLen + extraLen + commentLen;
        }
        return compressedSizes;
    }

    /**
     * A zip of a folder ({@code mywork/solution.py}) is as welcome as a zip of its contents: when
     * {@code marker} is not at the top but every entry sits in one folder that holds it, that folder
     * is stripped. Otherwise the files come back as they are.
     */
    public static Map<String, byte[]> withoutSingleTopFolder(Map<String, byte[]> files, String marker) {
        if (files.containsKey(marker)) {
            return files;
        }
        List<String> tops = files.keySet().stream().map(k -> k.split("/")[0]).distinct().toList();
        if (tops.size() != 1 || !files.containsKey(tops.get(0) + "/" + marker)) {
            return files;
        }
        String prefix = tops.get(0) + "/";
        Map<String, byte[]> stripped = new LinkedHashMap<>();
        files.forEach((k, v) -> stripped.put(k.substring(prefix.length()), v));
        return stripped;
    }

    /** A safe relative path with forward slashes, or an {@link ArchiveRefused}. */
    public static String normalise(String raw) {
        String name = raw.replace('\\', '/');
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
            throw new ArchiveRefused("'" + raw + "' is an absolute path; archives may hold only relative paths.");
        }
        if (name.indexOf('\0') >= 0 || name.chars().anyMatch(c -> c < 0x20)) {
            throw new ArchiveRefused("An entry name contains control characters.");
        }
        List<String> parts = new ArrayList<>();
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                throw new ArchiveRefused("'" + raw + "' points outside the archive ('..' is not allowed).");
            }
            parts.add(part);
        }
        return String.join("/", parts);
    }

    private static String human(long bytes) {
        return bytes >= 1024 * 1024 ? (bytes / (1024 * 1024)) + " MB" : (bytes / 1024) + " KB";
    }
}
