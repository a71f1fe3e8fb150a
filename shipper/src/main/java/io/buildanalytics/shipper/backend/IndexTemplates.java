package io.buildanalytics.shipper.backend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes composable index templates as raw JSON, the same on both products. Raw, not through the typed
 * clients: a template must come back exactly as the engine holds it, including settings the client's model does
 * not know, so comparing it with ours does not see differences that are not there.
 */
final class IndexTemplates {

    private IndexTemplates() {
    }

    static Optional<ObjectNode> get(JsonHttp http, String name, Failures failures)
            throws IOException, BackendException {
        String action = "reading index template '" + name + "'";
        HttpAnswer answer = http.get(path(name), Map.of());
        if (answer.status() == 404) {
            return Optional.empty();
        }
        if (!answer.succeeded()) {
            throw failures.status(answer.status(), action, answer.errorDetail());
        }
        JsonNode templates = answer.json().path("index_templates");
        if (!templates.isArray()) {
            throw failures.unreadable(action, "it lists no index_templates", null);
        }
        for (JsonNode entry : templates) {
            if (name.equals(entry.path("name").asText()) && entry.path("index_template").isObject()) {
                return Optional.of((ObjectNode) entry.path("index_template"));
            }
        }
        return Optional.empty();
    }

    static void put(JsonHttp http, String name, ObjectNode body, Failures failures)
            throws IOException, BackendException {
        String action = "installing index template '" + name + "'";
        byte[] json;
        try {
            json = HttpAnswer.JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The template body cannot be written as JSON: " + e.getMessage(), e);
        }
        HttpAnswer answer = http.send("PUT", path(name), Map.of(), json, "application/json");
        if (!answer.succeeded()) {
            throw failures.status(answer.status(), action, answer.errorDetail());
        }
    }

    private static String path(String name) {
        return "/_index_template/" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    }
}
