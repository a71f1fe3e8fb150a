package io.buildanalytics.localengine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalInt;

/** Reads the port a node bound from the file {@code node.portsfile} makes it write ({@code 127.0.0.1:41234}). */
final class PortsFile {

    private PortsFile() {
    }

    /** Empty while the node has not written the file yet (it writes it atomically once the port is bound). */
    static OptionalInt read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return OptionalInt.empty();
        } catch (IOException e) {
            throw new LocalEngineException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The port of the first address; IPv6 addresses come bracketed ({@code [::1]:41234}), so take the last colon. */
    static OptionalInt parse(String content) {
        for (String line : content.split("\n")) {
            String address = line.trim();
            int colon = address.lastIndexOf(':');
            if (colon > 0 && colon < address.length() - 1) {
                try {
                    return OptionalInt.of(Integer.parseInt(address.substring(colon + 1)));
                } catch (NumberFormatException e) {
                    throw new LocalEngineException("Unexpected line in ports file: '" + address + "'");
                }
            }
        }
        return OptionalInt.empty();
    }
}
