package io.buildanalytics.model.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The committed template, JSON Schema and field reference in {@code docs/} are exactly what the field list
 * generates, and the template and the schema describe the same fields. Run with
 * {@code -Dbuildanalytics.schema.write=true} to rewrite the files after changing {@link EventFields}.
 */
class SchemaArtifactsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DOCS = Path.of(System.getProperty("buildanalytics.docs.dir", "../docs"));
    private static final boolean WRITE = Boolean.getBoolean("buildanalytics.schema.write");

    @Test
    void committedIndexTemplateIsUpToDate() throws IOException {
        check("index-template.json", pretty(IndexTemplate.build(IndexNaming.defaults())));
    }

    @Test
    void committedJsonSchemaIsUpToDate() throws IOException {
        check("build-event.schema.json", pretty(EventJsonSchema.build()));
    }

    @Test
    void committedSchemaDocumentIsUpToDate() throws IOException {
        check("schema.md", SchemaDocument.render());
    }

    @Test
    void templateAndJsonSchemaDescribeTheSameFieldsWithMatchingTypes() {
        Map<String, String> mapped = new TreeMap<>();
        collectMappings(IndexTemplate.build(IndexNaming.defaults()).at("/template/mappings/properties"), "", mapped);
        Map<String, String> documented = new TreeMap<>();
        collectSchema(EventJsonSchema.build().get("properties"), "", documented);

        mapped.values().removeIf("alias"::equals); // aliases are read-only: never part of a document
        Map<String, String> expectedSchemaTypes = new TreeMap<>();
        mapped.forEach((path, type) -> expectedSchemaTypes.put(path, schemaTypeFor(type, documented.get(path))));
        assertThat(documented).isEqualTo(expectedSchemaTypes);
        assertThat(mapped.keySet()).hasSize(EventFields.all().size() - 1);
    }

    @Test
    void everyFieldIsDescribedAndEveryMappingTypeIsPortable() {
        for (Field field : EventFields.all()) {
            assertThat(field.description()).as(field.path()).isNotBlank();
            assertThat(field.mappingType()).as(field.path())
                    .isIn("keyword", "long", "date", "boolean", "object", "alias");
        }
    }

    private static void check(String file, String generated) throws IOException {
        Path path = DOCS.resolve(file);
        if (WRITE) {
            Files.createDirectories(DOCS);
            Files.writeString(path, generated, StandardCharsets.UTF_8);
        }
        assertThat(path).as("docs/%s is generated; run the test with -Dbuildanalytics.schema.write=true", file)
                .exists();
        assertThat(Files.readString(path, StandardCharsets.UTF_8))
                .as("docs/%s is out of date; run the test with -Dbuildanalytics.schema.write=true", file)
                .isEqualTo(generated);
    }

    private static String pretty(JsonNode node) throws IOException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
    }

    private static void collectMappings(JsonNode properties, String prefix, Map<String, String> into) {
        for (Map.Entry<String, JsonNode> entry : properties.properties()) {
            String path = prefix + entry.getKey();
            JsonNode mapping = entry.getValue();
            if (mapping.has("type")) {
                into.put(path, mapping.get("type").asText());
            } else {
                collectMappings(mapping.get("properties"), path + ".", into);
            }
        }
    }

    private static void collectSchema(JsonNode properties, String prefix, Map<String, String> into) {
        for (Map.Entry<String, JsonNode> entry : properties.properties()) {
            String path = prefix + entry.getKey();
            JsonNode schema = entry.getValue();
            if (schema.has("properties")) {
                collectSchema(schema.get("properties"), path + ".", into);
            } else {
                String type = schema.get("type").asText();
                into.put(path, type.equals("array") ? "array:" + schema.at("/items/type").asText() : type);
            }
        }
    }

    /** The JSON Schema type each mapping type must have; arrays may hold the mapped type. */
    private static String schemaTypeFor(String mappingType, String actual) {
        String single = switch (mappingType) {
            case "keyword", "date" -> "string";
            case "long" -> "integer";
            case "boolean" -> "boolean";
            case "object" -> "object";
            default -> throw new IllegalArgumentException("Unexpected mapping type " + mappingType);
        };
        return ("array:" + single).equals(actual) ? actual : single;
    }
}
