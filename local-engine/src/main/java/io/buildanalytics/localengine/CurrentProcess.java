package io.buildanalytics.localengine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Facts about this JVM's own process that Java has no API for. */
final class CurrentProcess {

    private CurrentProcess() {
    }

    /** True when the effective uid is 0; the real uid does not matter for who may start the engines. */
    static boolean isRoot() {
        return effectiveUid() == 0;
    }

    static long effectiveUid() {
        Path status = Path.of("/proc/self/status");
        List<String> lines;
        try {
            lines = Files.readAllLines(status);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + status + "; the local engine runner needs Linux", e);
        }
        return parseEffectiveUid(lines);
    }

    /** The "Uid:" line lists real, effective, saved and filesystem uid, in that order. */
    static long parseEffectiveUid(List<String> statusLines) {
        for (String line : statusLines) {
            if (line.startsWith("Uid:")) {
                String[] fields = line.substring("Uid:".length()).trim().split("\\s+");
                if (fields.length >= 2) {
                    return Long.parseLong(fields[1]);
                }
            }
        }
        throw new IllegalStateException("No Uid line in /proc/self/status");
    }
}
