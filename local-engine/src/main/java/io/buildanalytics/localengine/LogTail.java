package io.buildanalytics.localengine;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The last lines of a node's log, for error messages that explain why a node did not come up. */
final class LogTail {

    /** Enough for a Java stack trace; a bounded read, since a failing node may have logged megabytes. */
    private static final int MAX_BYTES = 32 * 1024;

    private LogTail() {
    }

    static String of(Path file, int maxLines) {
        if (!Files.isRegularFile(file)) {
            return "(no log: " + file + " does not exist)";
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            int size = (int) Math.min(length, MAX_BYTES);
            byte[] bytes = new byte[size];
            in.seek(length - size);
            in.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            List<String> lines = Arrays.asList(text.split("\r?\n"));
            // A read that starts mid-file starts mid-line: drop the fragment.
            if (size < length && lines.size() > 1) {
                lines = lines.subList(1, lines.size());
            }
            if (lines.size() > maxLines) {
                lines = lines.subList(lines.size() - maxLines, lines.size());
            }
            return String.join("\n", lines);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
