package io.buildanalytics.kibana.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** A dashboards server's answer to one request: status, headers and the raw body. */
record DashboardsAnswer(int status, HttpHeaders headers, byte[] body) {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final int MAX_QUOTED = 300;

    DashboardsAnswer {
        Objects.requireNonNull(headers, "headers");
        body = body == null ? new byte[0] : body;
    }

    boolean succeeded() {
        return status >= 200 && status < 300;
    }

    /** The header's first value (names are case-insensitive in {@link HttpHeaders}). */
    Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The body as JSON, or a missing node when it is empty or not JSON (a proxy's HTML page, a login form). */
    JsonNode json() {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException notJson) {
            return MissingNode.getInstance();
        }
    }

    boolean isJsonObject() {
        return json().isObject();
    }

    /**
     * What the server said, short enough for a message: Kibana's and OpenSearch Dashboards' error body is
     * {@code {statusCode, error, message}}; an engine's is {@code {error: {type, reason}}}; else the start of the text.
     */
    String serverMessage() {
        JsonNode json = json();
        if (json.path("message").isTextual() && !json.path("message").asText().isBlank()) {
            return shortened(json.path("message").asText());
        }
        JsonNode error = json.path("error");
        if (error.isTextual()) {
            return shortened(error.asText());
        }
        if (error.isObject()) {
            String type = error.path("type").asText("");
            String reason = error.path("reason").asText("");
            return shortened(type.isEmpty() ? reason : reason.isEmpty() ? type : type + ": " + reason);
        }
        return shortened(text());
    }

    /** The media type without parameters, lower case, or "" when there is none. */
    String mediaType() {
        String value = header("content-type").orElse("");
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** The start of the body as one line, for saying what came back instead of JSON. */
    String excerpt() {
        String text = shortened(text());
        return text.isEmpty() ? "an empty body" : "'" + text + "'";
    }

    private String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static String shortened(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_QUOTED ? oneLine : oneLine.substring(0, MAX_QUOTED) + "…";
    }
}
