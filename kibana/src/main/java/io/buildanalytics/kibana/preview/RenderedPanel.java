package io.buildanalytics.kibana.preview;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What one rendered panel shows: for each named Vega-Lite layer, its items' text and data, read from the real
 * Vega scene graph after rendering; and what Vega or Vega-Lite warned about.
 */
public record RenderedPanel(String id, JsonNode marks, List<String> warnings) {

    /** The items of the layer called {@code layer} in the spec (Vega names its marks {@code <layer>_marks}). */
    public List<JsonNode> items(String layer) {
        JsonNode items = marks.path(layer + "_marks");
        if (items.isMissingNode()) {
            throw new IllegalArgumentException("Panel " + id + " has no layer '" + layer + "'; it has "
                    + marks.properties().stream().map(java.util.Map.Entry::getKey).toList());
        }
        List<JsonNode> list = new ArrayList<>();
        items.forEach(list::add);
        return list;
    }

    /** The texts the layer shows, in drawing order. */
    public List<String> texts(String layer) {
        return items(layer).stream().map(item -> item.path("text").asText()).toList();
    }

    /** The single text of a one-item layer (a KPI's headline). */
    public String text(String layer) {
        List<String> texts = texts(layer);
        if (texts.size() != 1) {
            throw new IllegalStateException("Panel " + id + " layer " + layer + " shows " + texts);
        }
        return texts.get(0);
    }

    /** The data behind each item of the layer. */
    public List<JsonNode> data(String layer) {
        return items(layer).stream().map(item -> item.path("datum")).toList();
    }
}
