package io.buildanalytics.kibana.install;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The saved-objects import API's answer: {@code success}, {@code successCount}, one {@code errors[]} entry per object
 * not imported, and (Kibana only) {@code warnings[]}. An HTTP 200 can still carry errors: a missing reference or
 * an unsupported type fails only that object.
 */
record ImportResult(boolean success, int successCount, List<ImportFailure> failures, List<String> warnings) {

    ImportResult {
        failures = List.copyOf(failures);
        warnings = List.copyOf(warnings);
    }

    boolean complete() {
        return success && failures.isEmpty();
    }

    static ImportResult parse(JsonNode body) {
        List<ImportFailure> failures = new ArrayList<>();
        for (JsonNode error : body.path("errors")) {
            failures.add(failureOf(error));
        }
        List<String> warnings = new ArrayList<>();
        for (JsonNode warning : body.path("warnings")) {
            String message = warning.path("message").asText("");
            if (!message.isBlank()) {
                warnings.add(message);
            }
        }
        return new ImportResult(body.path("success").asBoolean(false), body.path("successCount").asInt(0),
                failures, warnings);
    }

    private static ImportFailure failureOf(JsonNode entry) {
        JsonNode error = entry.path("error");
        // Kibana 8 moved the title into meta.title and keeps the old top-level title as deprecated.
        String title = entry.path("meta").path("title").asText(entry.path("title").asText(null));
        return new ImportFailure(entry.path("type").asText("?"), entry.path("id").asText("?"), title,
                error.path("type").asText("unknown"), detailOf(error));
    }

    private static String detailOf(JsonNode error) {
        List<String> references = new ArrayList<>();
        for (JsonNode reference : error.path("references")) {
            references.add(reference.path("type").asText("?") + " " + reference.path("id").asText("?"));
        }
        if (!references.isEmpty()) {
            return "missing " + String.join(", ", references);
        }
        return error.path("message").asText("");
    }
}
