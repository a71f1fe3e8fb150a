package io.buildanalytics.model.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One event ready to index: its deterministic id, its monthly index and its JSON document.
 *
 * @param id    the document {@code _id} (= {@code event.id})
 * @param index the index it belongs in, from its {@code @timestamp}
 * @param json  the document
 */
public record BuildEvent(String id, String index, String json) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public BuildEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(json, "json");
    }

    /** The document parsed, for reading fields. */
    public JsonNode document() {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A built event is always valid JSON", e);
        }
    }

    public int sizeInBytes() {
        return json.getBytes(StandardCharsets.UTF_8).length;
    }
}
