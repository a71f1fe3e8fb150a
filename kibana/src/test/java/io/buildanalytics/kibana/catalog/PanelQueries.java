package io.buildanalytics.kibana.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildanalytics.model.schema.IndexNaming;
import io.buildanalytics.model.schema.IndexTemplate;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads what a panel's engine query touches: the fields it names and the aggregation types it uses. */
final class PanelQueries {

    /** Query clauses whose keys are field names. */
    private static final Set<String> FIELD_KEYED = Set.of("term", "terms", "range", "match_phrase", "match");

    private PanelQueries() {
    }

    /** Every field path the index template maps (objects flattened with dots, multi-fields included). */
    static Set<String> templateFields() {
        ObjectNode template = IndexTemplate.build(IndexNaming.defaults());
        Set<String> fields = new TreeSet<>();
        collectMapped("", template.path("template").path("mappings").path("properties"), fields);
        return fields;
    }

    private static void collectMapped(String prefix, JsonNode properties, Set<String> fields) {
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String path = prefix + entry.getKey();
            if (entry.getValue().has("properties")) {
                collectMapped(path + ".", entry.getValue().get("properties"), fields);
            } else {
                fields.add(path);
                entry.getValue().path("fields").fieldNames().forEachRemaining(sub -> fields.add(path + "." + sub));
            }
        }
    }

    /** Field names in a search body: {@code field} values in aggregations, keys of field-keyed query clauses. */
    static Set<String> fieldsOf(JsonNode body) {
        Set<String> fields = new TreeSet<>();
        collectFields(body, fields);
        return fields;
    }

    private static void collectFields(JsonNode node, Set<String> fields) {
        if (node.isArray()) {
            node.forEach(child -> collectFields(child, fields));
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (entry.getKey().equals("field") && entry.getValue().isTextual()) {
                    fields.add(entry.getValue().asText());
                } else if (FIELD_KEYED.contains(entry.getKey()) && entry.getValue().isObject()
                        && !entry.getValue().has("field")) {
                    // A query clause: its keys are field names. (terms and range aggregations name a "field".)
                    entry.getValue().fieldNames().forEachRemaining(fields::add);
                }
                collectFields(entry.getValue(), fields);
            }
        }
    }

    /** The aggregation types in an {@code aggs} object, recursively. */
    static Set<String> aggregationTypes(JsonNode aggs) {
        Set<String> types = new TreeSet<>();
        for (JsonNode aggregation : aggs) {
            for (Iterator<Map.Entry<String, JsonNode>> it = aggregation.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (entry.getKey().equals("aggs") || entry.getKey().equals("aggregations")) {
                    types.addAll(aggregationTypes(entry.getValue()));
                } else {
                    types.add(entry.getKey());
                }
            }
        }
        return types;
    }

    /** Whether any object in the tree has a key (to find scripts anywhere in a request). */
    static boolean containsKey(JsonNode node, String key) {
        if (node.isObject()) {
            if (node.has(key)) {
                return true;
            }
            for (JsonNode child : node) {
                if (containsKey(child, key)) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                if (containsKey(child, key)) {
                    return true;
                }
            }
        }
        return false;
    }
}
