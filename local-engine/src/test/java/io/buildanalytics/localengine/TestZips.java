package io.buildanalytics.localengine;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes small real zip files shaped like engine distributions. */
final class TestZips {

    private TestZips() {
    }

    /** Entries in order; a name ending in '/' is a directory entry. */
    static Path write(Path zip, Map<String, String> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipOut = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zipOut.putNextEntry(new ZipEntry(entry.getKey()));
                if (!entry.getKey().endsWith("/")) {
                    zipOut.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                }
                zipOut.closeEntry();
            }
        }
        return zip;
    }

    /** A zip with the layout of the OpenSearch distribution, small enough for unit tests. */
    static Path miniOpenSearch(Path zip, String version) throws IOException {
        String top = "opensearch-" + version + "/";
        Map<String, String> entries = new java.util.LinkedHashMap<>();
        entries.put(top, "");
        entries.put(top + "bin/", "");
        entries.put(top + "bin/opensearch", "#!/bin/sh\necho started\n");
        entries.put(top + "bin/opensearch-env", "#!/bin/sh\n");
        entries.put(top + "config/jvm.options", "-XX:ErrorFile=logs/hs_err_pid%p.log\n");
        entries.put(top + "config/opensearch.yml", "# empty\n");
        // No directory entry for lib/: real zips may leave parents implicit.
        entries.put(top + "lib/opensearch-" + version + ".jar", "not really a jar");
        return write(zip, entries);
    }
}
