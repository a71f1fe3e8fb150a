package io.buildanalytics.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a report or page the user asked for, creating its folder; a failure is the command's one-line error. */
public final class OutputFiles {

    private OutputFiles() {
    }

    public static void write(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliFailure(ExitCode.FAILED, "Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
