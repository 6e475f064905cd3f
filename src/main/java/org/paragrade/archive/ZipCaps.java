package org.paragrade.archive;

/**
 * Limits for one archive.
 *
 * @param maxEntries     entries (files and folders) in the central directory
 * @param maxFileBytes   uncompressed bytes of one file
 * @param maxTotalBytes  uncompressed bytes of all files, counted while streaming (not trusted from headers)
 * @param maxRatio       uncompressed / compressed size above which an entry is treated as a bomb
 */
public record ZipCaps(int maxEntries, long maxFileBytes, long maxTotalBytes, int maxRatio) {
    public static final ZipCaps SUBMISSION = new ZipCaps(64, 256 * 1024, 1024 * 1024, 100);
    public static final ZipCaps BUNDLE = new ZipCaps(2000, 16L * 1024 * 1024, 64L * 1024 * 1024, 200);
}
