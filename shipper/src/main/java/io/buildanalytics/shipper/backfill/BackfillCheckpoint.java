package io.buildanalytics.shipper.backfill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The record of an unfinished backfill, so one interrupted by a restart resumes where it was: the request on the
 * first line, then one completed job's full name per line (job names cannot contain line breaks). Deleted when
 * the backfill finishes. Sending a job twice is harmless (event ids are deterministic), so losing the last line
 * in a crash only means that job is sent again.
 */
final class BackfillCheckpoint {

    private static final String HEADER = "backfill v1\t";

    private final Path file;

    BackfillCheckpoint(Path file) {
        this.file = file;
    }

    record Saved(BackfillRequest request, Set<String> doneJobs) {
    }

    Optional<Saved> read() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).startsWith(HEADER)) {
                return Optional.empty();
            }
            String[] request = lines.get(0).substring(HEADER.length()).split("\t", 2);
            Set<String> done = new LinkedHashSet<>(lines.subList(1, lines.size()));
            done.remove("");
            return Optional.of(new Saved(new BackfillRequest(request.length > 1 ? request[1] : "",
                    Integer.parseInt(request[0])), done));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    void begin(BackfillRequest request) {
        write(HEADER + request.lastDays() + "\t" + request.jobPattern() + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    void jobDone(String fullName) {
        write(fullName + "\n", StandardOpenOption.APPEND);
    }

    void finish() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String text, StandardOpenOption... options) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
