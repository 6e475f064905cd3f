package org.paragrade.review;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A submission's files as a zip, exactly the bytes that were graded, under the paths they were graded
 * at (a single {@code .py} upload is stored, and so zipped, as {@code solution.py}).
 *
 * @param filename the download's name, e.g. {@code submission-42.zip}
 */
public record SubmittedFiles(String filename, byte[] zip) {

    /** A deterministic zip (entries in the given order, fixed timestamps). */
    static SubmittedFiles of(long submissionId, Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : files.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTime(0);
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SubmittedFiles("submission-" + submissionId + ".zip", out.toByteArray());
    }
}
