package io.buildanalytics.model.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * A JSON Schema (draft 2020-12) of the event document, generated from {@link EventFields}. It is stricter than
 * the index template: unknown fields are refused, so a document that validates is exactly what the template
 * maps. Senders without a plugin can validate against it before posting.
 */
public final class EventJsonSchema {

    /** ISO-8601 in UTC, as the event writes every date. */
    static final String INSTANT_PATTERN = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z$";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private EventJsonSchema() {
    }

    public static ObjectNode build() {
        ObjectNode schema = JSON.objectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", "urn:buildanalytics:build-event:v" + EventFields.SCHEMA_VERSION);
        schema.put("title", "Build Analytics build event, schema version " + EventFields.SCHEMA_VERSION);
        schema.put("description", "One finished CI run. Generated from the project's field list; see docs/schema.md.");
        ObjectNode properties = schema.putObject("properties");
        for (Field field : EventFields.all()) {
            if (field instanceof Field.Alias) {
                continue; // the engine refuses values written to an alias
            }
            FieldTree.leaf(properties, field.path(), "properties").setAll(schemaOf(field));
        }
        closeObjects(schema);
        for (Field field : EventFields.all()) {
            if (field.required()) {
                markRequired(schema, field.path());
            }
        }
        return schema;
    }

    private static ObjectNode schemaOf(Field field) {
        ObjectNode node = JSON.objectNode();
        node.put("description", field.description());
        if (field instanceof Field.Keyword keyword) {
            node.put("type", "string");
            node.put("maxLength", keyword.maxLength());
            if (!keyword.allowedValues().isEmpty()) {
                ArrayNode values = node.putArray("enum");
                keyword.allowedValues().forEach(values::add);
            }
        } else if (field instanceof Field.Number) {
            node.put("type", "integer");
            node.put("minimum", 0);
        } else if (field instanceof Field.Date) {
            node.put("type", "string");
            node.put("format", "date-time");
            node.put("pattern", INSTANT_PATTERN);
        } else if (field instanceof Field.Bool) {
            node.put("type", "boolean");
        } else if (field instanceof Field.NumberArray array) {
            node.put("type", "array");
            node.put("maxItems", array.maxItems());
            ObjectNode items = node.putObject("items");
            items.put("type", "integer");
            items.put("minimum", 0);
        } else if (field instanceof Field.KeywordArray array) {
            node.put("type", "array");
            node.put("maxItems", array.maxItems());
            ObjectNode items = node.putObject("items");
            items.put("type", "string");
            items.put("maxLength", array.maxLength());
        } else if (field instanceof Field.KeywordMap map) {
            node.put("type", "object");
            node.put("maxProperties", map.maxEntries());
            node.putObject("propertyNames").put("pattern", "^[A-Za-z0-9_-]{1," + map.maxKeyLength() + "}$");
            ObjectNode values = node.putObject("additionalProperties");
            values.put("type", "string");
            values.put("maxLength", map.maxValueLength());
        } else {
            throw new IllegalArgumentException("Not part of documents: " + field);
        }
        return node;
    }

    /** Objects that only group fields get a type and refuse members the field list does not declare. */
    private static void closeObjects(ObjectNode node) {
        JsonNode properties = node.get("properties");
        if (properties == null || !properties.isObject()) {
            return;
        }
        node.put("type", "object");
        node.put("additionalProperties", false);
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            closeObjects((ObjectNode) property.getValue());
        }
    }

    private static void markRequired(ObjectNode schema, String path) {
        ObjectNode current = schema;
        for (String segment : path.split("\\.")) {
            ArrayNode required = current.has("required") ? (ArrayNode) current.get("required")
                    : current.putArray("required");
            boolean present = false;
            for (JsonNode existing : required) {
                present |= existing.asText().equals(segment);
            }
            if (!present) {
                required.add(segment);
            }
            current = (ObjectNode) current.get("properties").get(segment);
        }
    }
}
