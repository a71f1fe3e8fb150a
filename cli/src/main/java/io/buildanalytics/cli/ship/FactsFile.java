package io.buildanalytics.cli.ship;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.buildanalytics.cli.CliFailure;
import io.buildanalytics.cli.ExitCode;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.shipper.FactsJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads {@code --file}: the build as JSON in the format the shipper spools ({@link FactsJson}), from a file or, for
 * {@code -}, from standard input. One format for the spool and for people means one validator: the records'
 * canonical constructors, the same ones a plugin's facts go through.
 */
final class FactsFile {

    /** Far above any real build (the facts of a run with thousands of commits are a few hundred KB). */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    private FactsFile() {
    }

    /**
     * @throws CliFailure USAGE when the file cannot be read, INVALID_EVENT when it is not valid build facts
     */
    static BuildFacts read(String file, InputStream stdin) {
        String source = "-".equals(file) ? "--file - (standard input)" : "--file " + file;
        byte[] json = bytes(file, stdin, source);
        if (json.length > MAX_BYTES) {
            throw new CliFailure(ExitCode.INVALID_EVENT, source + ": larger than " + MAX_BYTES / (1024 * 1024)
                    + " MB, which no build is");
        }
        if (new String(json, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw new CliFailure(ExitCode.INVALID_EVENT, source + ": empty, expected the build as a JSON object");
        }
        BuildFacts facts;
        try {
            facts = FactsJson.read(json);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCode.INVALID_EVENT, source + ": " + e.getMessage() + where(e), e);
        }
        if (facts == null) {
            throw new CliFailure(ExitCode.INVALID_EVENT, source + ": null, expected the build as a JSON object");
        }
        Chronology.check(facts, source + ": ", "queuedAt", "startedAt", "finishedAt");
        SecretNames.refuse(facts.parameters().keySet(), source + ": parameter");
        return facts;
    }

    private static byte[] bytes(String file, InputStream stdin, String source) {
        try {
            if ("-".equals(file)) {
                return stdin.readNBytes(MAX_BYTES + 1);
            }
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                return in.readNBytes(MAX_BYTES + 1);
            }
        } catch (IOException | RuntimeException e) {
            throw new CliFailure(ExitCode.USAGE, source + ": cannot read it (" + e + ")", e);
        }
    }

    /** The parser's position, which {@link FactsJson}'s one-line message leaves out. */
    private static String where(IllegalArgumentException e) {
        if (e.getCause() instanceof JsonProcessingException parsing) {
            JsonLocation location = parsing.getLocation();
            if (location != null && location.getLineNr() > 0) {
                return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
            }
        }
        return "";
    }
}
