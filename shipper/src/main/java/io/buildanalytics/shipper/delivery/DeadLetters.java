package io.buildanalytics.shipper.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Events the engine refused for good, one JSON line each with the engine's reason, so an admin can see why and
 * re-send them after fixing the cause. The file rolls over to {@code .1} at a size limit so a permanently broken
 * mapping cannot fill the disk.
 */
public final class DeadLetters {

    public static final String FILE_NAME = "dead-letters.ndjson";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final long maxBytes;

    public DeadLetters(Path directory, long maxBytes) {
        this.file = directory.resolve(FILE_NAME);
        this.maxBytes = maxBytes;
    }

    public Path file() {
        return file;
    }

    /** A document the engine rejected: kept with the index and id it was sent to. */
    synchronized void rejected(String index, String id, int status, String errorType, String reason, String document)
            throws IOException {
        ObjectNode line = header(reason);
        line.put("status", status);
        line.put("error_type", errorType);
        line.put("index", index);
        line.put("id", id);
        line.set("document", parseOrText(document));
        append(line);
    }

    /** Spooled facts that could not be turned into an event at all (unreadable, invalid). */
    synchronized void unreadable(long sequence, String reason, byte[] payload) throws IOException {
        ObjectNode line = header(reason);
        line.put("spool_sequence", sequence);
        line.set("facts", parseOrText(new String(payload, StandardCharsets.UTF_8)));
        append(line);
    }

    private static ObjectNode header(String reason) {
        ObjectNode line = JSON.createObjectNode();
        line.put("at", Instant.now().toString());
        line.put("reason", reason);
        return line;
    }

    private static JsonNode parseOrText(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException notJson) {
            return JSON.getNodeFactory().textNode(text);
        }
    }

    private void append(ObjectNode line) throws IOException {
        Files.createDirectories(file.getParent());
        if (Files.exists(file) && Files.size(file) >= maxBytes) {
            Files.move(file, file.resolveSibling(FILE_NAME + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.write(file, (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
