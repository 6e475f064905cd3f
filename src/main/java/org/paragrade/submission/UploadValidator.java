package org.paragrade.submission;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.paragrade.archive.ArchiveRefused;
import org.paragrade.archive.SafeZip;
import org.paragrade.archive.ZipCaps;

/**
 * Checks a student's upload before anything is stored: a single {@code .py} (UTF-8 text, not
 * empty, size cap) or a {@code .zip} whose entries are safe and which contains {@code solution.py}.
 * Returns the files to store, keyed by their path inside the solution folder.
 */
public final class UploadValidator {
    public static final int MAX_UPLOAD_BYTES = 512 * 1024;
    public static final int MAX_PY_BYTES = 256 * 1024;

    private UploadValidator() {
    }

    public static Map<String, byte[]> validate(String filename, byte[] bytes) {
        String name = filename == null ? "" : filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        if (bytes == null || bytes.length == 0) {
            throw new UploadRefused("The file is empty. Upload your solution.py (or a .zip containing it).", false);
        }
        checkSize(bytes.length);
        String lower = name.toLowerCase();
        if (lower.endsWith(".py")) {
            checkPython("solution.py", bytes);
            return Map.of("solution.py", bytes);
        }
        if (lower.endsWith(".zip")) {
            Map<String, byte[]> files;
            try {
                files = SafeZip.read(bytes, ZipCaps.SUBMISSION);
            } catch (ArchiveRefused e) {
                throw new UploadRefused(e.getMessage(), e.tooLarge());
            }
            files = SafeZip.withoutSingleTopFolder(files, "solution.py");
            if (!files.containsKey("solution.py")) {
                throw new UploadRefused("The zip must contain solution.py at its top level.", false);
            }
            Map<String, byte[]> kept = new LinkedHashMap<>();
            for (var e : files.entrySet()) {
                String path = e.getKey();
                if (path.startsWith("__MACOSX/") || path.contains("__pycache__") || path.endsWith(".pyc")) {
                    continue;
                }
                if (!path.matches("[A-Za-z0-9_][A-Za-z0-9_./-]{0,200}")) {
                    throw new UploadRefused("'" + path + "' has an unusual name; use letters, digits, '_', '-' and '.'.", false);
                }
                if (path.endsWith(".py")) {
                    checkPython(path, e.getValue());
                }
                kept.put(path, e.getValue());
            }
            return kept;
        }
        throw new UploadRefused("Upload a .py file or a .zip archive (got '" + name + "').", false);
    }

    /** The one size rule, checked on the uploaded file before it is read and again on the bytes. */
    public static void checkSize(long bytes) {
        if (bytes > MAX_UPLOAD_BYTES) {
            throw new UploadRefused("The file is " + (bytes + 1023) / 1024 + " KB; uploads may be at most "
                    + MAX_UPLOAD_BYTES / 1024 + " KB: upload only your solution's source.", true);
        }
    }

    private static void checkPython(String path, byte[] bytes) {
        if (bytes.length == 0 || new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            throw new UploadRefused(path + " is empty.", false);
        }
        if (bytes.length > MAX_PY_BYTES) {
            throw new UploadRefused(path + " is larger than " + MAX_PY_BYTES / 1024 + " KB.", true);
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw new UploadRefused(path + " is not a Python source file (it contains binary data).", false);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new UploadRefused(path + " is not UTF-8 text. Save it as UTF-8 and upload again.", false);
        }
    }
}
