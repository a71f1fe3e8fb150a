package io.buildanalytics.shipper.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An engine's answer: status, headers (looked up case-insensitively) and the raw body.
 */
record HttpAnswer(int status, Map<String, String> headers, byte[] body) {

    static final ObjectMapper JSON = new ObjectMapper();

    HttpAnswer {
        Map<String, String> lowerCase = new TreeMap<>();
        headers.forEach((name, value) -> lowerCase.putIfAbsent(name.toLowerCase(Locale.ROOT), value));
        headers = Map.copyOf(lowerCase);
        body = body == null ? new byte[0] : body;
    }

    boolean succeeded() {
        return status >= 200 && status < 300;
    }

    /** The header's value, or null. */
    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The body as JSON, or a missing node when it is empty or not JSON (a proxy's HTML page, say). */
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

    /**
     * What the engine said went wrong, short enough for a message: {@code type: reason} from an engine error
     * body, else the start of the body text.
     */
    String errorDetail() {
        JsonNode error = json().path("error");
        if (error.isObject()) {
            String type = error.path("type").asText("");
            String reason = error.path("reason").asText("");
            return type.isEmpty() ? reason : reason.isEmpty() ? type : type + ": " + reason;
        }
        if (error.isTextual()) {
            return error.asText();
        }
        String text = new String(body, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
