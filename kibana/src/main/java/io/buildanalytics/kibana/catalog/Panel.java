package io.buildanalytics.kibana.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One panel as written in {@code panels/<id>.json}: the only definition of it, from which both bundles and the
 * preview are made.
 *
 * @param source the whole file: {@code spec} for Vega-Lite, {@code markdown} for text, {@code query} and
 *               {@code columns} for a saved search
 */
public record Panel(String id, String title, String description, PanelType type, ObjectNode source) {

    public Panel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        description = description == null ? "" : description;
    }

    /** The Vega-Lite spec; a copy, so callers may fill in data without changing the catalog. */
    public ObjectNode vegaLiteSpec() {
        requireType(PanelType.VEGA);
        return ((ObjectNode) source.path("spec")).deepCopy();
    }

    public String markdown() {
        requireType(PanelType.MARKDOWN);
        return source.path("markdown").asText();
    }

    /** The saved search's KQL query ("" for all events). */
    public String searchQuery() {
        requireType(PanelType.SEARCH);
        return source.path("query").asText("");
    }

    public List<String> searchColumns() {
        requireType(PanelType.SEARCH);
        List<String> columns = new ArrayList<>();
        source.path("columns").forEach(column -> columns.add(column.asText()));
        return columns;
    }

    private void requireType(PanelType expected) {
        if (type != expected) {
            throw new IllegalStateException("Panel " + id + " is " + type + ", not " + expected);
        }
    }

    static Panel read(String id, JsonNode file) {
        if (!(file instanceof ObjectNode object)) {
            throw new IllegalArgumentException("Panel " + id + " is not a JSON object");
        }
        return new Panel(id, text(id, file, "title"), file.path("description").asText(""),
                PanelType.of(text(id, file, "type")), object);
    }

    private static String text(String id, JsonNode file, String field) {
        JsonNode value = file.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("Panel " + id + " has no '" + field + "'");
        }
        return value.asText();
    }
}
