package io.buildanalytics.teamcity.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * This TeamCity's stable id, part of every event id (build ids are unique per server only). The OpenAPI offers no
 * server UUID, and the root URL can change, so the plugin makes one on first start and keeps it in its data
 * directory; it survives upgrades and URL changes, and a restored backup keeps its id.
 */
final class ServerIdentity {

    static final String FILE_NAME = "server-id";

    private ServerIdentity() {
    }

    static String load(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(FILE_NAME);
        if (Files.exists(file)) {
            String id = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!id.isEmpty()) {
                return id;
            }
        }
        Files.createDirectories(dataDirectory);
        String id = UUID.randomUUID().toString();
        Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
        return id;
    }
}
