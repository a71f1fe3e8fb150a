package io.buildanalytics.cli.ship;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Finds why the engine refused one event, in the shipper's dead-letter file (one JSON object a line, with
 * {@code at}, {@code id}, {@code status}, {@code error_type} and {@code reason}). The status counts refusals but not
 * whose, and earlier runs' events may be refused in the same run, so the file is what tells ours apart.
 */
final class DeadLetterLookup {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param status the engine's HTTP status for the item; errorType and reason as it said them */
    record Refusal(int status, String errorType, String reason) {
        String describe() {
            return status + " " + errorType + ": " + reason;
        }
    }

    private DeadLetterLookup() {
    }

    /** The latest refusal of {@code eventId} written at or after {@code since}, if any. */
    static Optional<Refusal> find(Path file, String eventId, Instant since) {
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Refusal found = null;
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode letter = parse(line);
                if (letter != null && eventId.equals(letter.path("id").asText(null)) && notBefore(letter, since)) {
                    found = new Refusal(letter.path("status").asInt(), letter.path("error_type").asText(""),
                            letter.path("reason").asText(""));
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(found);
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            return null; // a line cut by a crash; the others still count
        }
    }

    private static boolean notBefore(JsonNode letter, Instant since) {
        try {
            return !Instant.parse(letter.path("at").asText("")).isBefore(since);
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
