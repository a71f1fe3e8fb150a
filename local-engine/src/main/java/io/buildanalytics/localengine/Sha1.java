package io.buildanalytics.localengine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** SHA-1 as Maven repositories publish it in {@code .sha1} files. */
final class Sha1 {

    private static final Pattern HEX_40 = Pattern.compile("[0-9a-f]{40}");

    private Sha1() {
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime must provide SHA-1", e);
        }
    }

    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    static String of(Path file) {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return hex(digest);
    }

    /**
     * The checksum from the text of a {@code .sha1} file. Repositories write either the bare hex value or
     * {@code sha1sum} style "value  file name".
     */
    static String parseChecksumFile(String content, String source) {
        String trimmed = content.trim();
        String first = trimmed.isEmpty() ? "" : trimmed.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        if (!HEX_40.matcher(first).matches()) {
            throw new LocalEngineException("No SHA-1 checksum in " + source + ": '" + abbreviate(trimmed) + "'");
        }
        return first;
    }

    static void verify(String actual, String expected, String what) {
        if (!actual.equalsIgnoreCase(expected)) {
            throw new LocalEngineException("SHA-1 mismatch for " + what + ": expected " + expected + " but got "
                    + actual + "; the download is corrupt or the repository serves a different file");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
