package io.buildanalytics.shipper.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code _bulk} wire format, for the path that sends it without a typed client: NDJSON out, per-item results
 * back. Documents are copied as they are, never parsed: they are already complete JSON.
 */
final class BulkBodies {

    static final String CONTENT_TYPE = "application/x-ndjson";

    private BulkBodies() {
    }

    /**
     * The document on one line, as NDJSON needs. A line break can only be whitespace between JSON tokens (inside
     * a string it must be escaped), so replacing it with a space keeps the document's meaning; the common case,
     * a compact document, is returned as is.
     */
    static String oneLine(String json) {
        if (json.indexOf('\n') < 0 && json.indexOf('\r') < 0) {
            return json;
        }
        return json.replace('\r', ' ').replace('\n', ' ');
    }

    static byte[] ndjson(List<BulkItem> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(items.size() * 1024);
        for (BulkItem item : items) {
            ObjectNode action = HttpAnswer.JSON.createObjectNode();
            action.putObject("index").put("_index", item.index()).put("_id", item.id());
            out.writeBytes(action.toString().getBytes(StandardCharsets.UTF_8));
            out.write('\n');
            out.writeBytes(oneLine(item.json()).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
        return out.toByteArray();
    }

    /**
     * The per-item results, in request order, or null when the answer does not hold exactly one result per item
     * (the caller reports that as a broken answer).
     */
    static List<BulkItemResult> results(JsonNode answer, int expected) {
        JsonNode items = answer.path("items");
        if (!items.isArray() || items.size() != expected) {
            return null;
        }
        List<BulkItemResult> results = new ArrayList<>(expected);
        for (JsonNode entry : items) {
            // Each entry is keyed by its operation type ("index" here); take whatever key it has.
            JsonNode item = entry.elements().hasNext() ? entry.elements().next() : entry;
            int status = item.path("status").asInt(0);
            JsonNode error = item.path("error");
            if (status >= 200 && status < 300 && error.isMissingNode()) {
                results.add(BulkItemResult.indexed(status));
            } else if (error.isObject()) {
                results.add(new BulkItemResult(status, error.path("type").asText(null),
                        error.path("reason").asText(null)));
            } else {
                results.add(new BulkItemResult(status, null, error.isMissingNode() ? null : error.asText()));
            }
        }
        return results;
    }
}
