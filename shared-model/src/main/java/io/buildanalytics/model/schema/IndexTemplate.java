package io.buildanalytics.model.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The composable index template ({@code PUT _index_template/<prefix>}) for the event indices, generated from
 * {@link EventFields}. Only mapping types both Elasticsearch 8/9 and OpenSearch 1–3 understand are used.
 */
public final class IndexTemplate {

    /** Above the built-in templates (100) so ours wins wherever patterns could ever overlap. */
    public static final int PRIORITY = 200;

    /** Longer strings from other senders are kept in the source but not indexed, instead of failing the document. */
    static final int IGNORE_ABOVE = 1024;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private IndexTemplate() {
    }

    public static ObjectNode build(IndexNaming naming) {
        ObjectNode template = JSON.objectNode();
        template.putArray("index_patterns").add(naming.indexPattern());
        template.put("priority", PRIORITY);
        template.put("version", EventFields.SCHEMA_VERSION);
        template.set("_meta", meta());

        ObjectNode body = template.putObject("template");
        ObjectNode index = body.putObject("settings").putObject("index");
        // CI events are few (thousands a day): one shard is plenty, and replicas follow the cluster size so a
        // single-node cluster stays green.
        index.put("number_of_shards", 1);
        index.put("auto_expand_replicas", "0-1");
        body.putObject("aliases").putObject(naming.readAlias());
        body.set("mappings", mappings());
        return template;
    }

    /** The schema version a template in the engine carries, or 0 when it has none. */
    public static int schemaVersionOf(ObjectNode installedTemplate) {
        return installedTemplate.path("_meta").path("schema_version").asInt(0);
    }

    private static ObjectNode meta() {
        ObjectNode meta = JSON.objectNode();
        meta.put("schema_version", EventFields.SCHEMA_VERSION);
        meta.put("managed_by", "build-analytics");
        meta.put("description", "Build events from Jenkins and TeamCity, one per finished run");
        return meta;
    }

    private static ObjectNode mappings() {
        ObjectNode mappings = JSON.objectNode();
        mappings.putObject("_meta").put("schema_version", EventFields.SCHEMA_VERSION);
        mappings.put("dynamic", true);
        // A label value such as "2024-01-01" must stay a keyword, not become a date field.
        mappings.put("date_detection", false);
        mappings.set("dynamic_templates", dynamicTemplates());
        ObjectNode properties = mappings.putObject("properties");
        for (Field field : EventFields.all()) {
            ObjectNode leaf = FieldTree.leaf(properties, field.path(), "properties");
            leaf.setAll(mappingOf(field));
        }
        return mappings;
    }

    private static ArrayNode dynamicTemplates() {
        ArrayNode templates = JSON.arrayNode();
        for (Field field : EventFields.all()) {
            if (field instanceof Field.KeywordMap map) {
                ObjectNode rule = JSON.objectNode();
                rule.put("path_match", map.path() + ".*");
                rule.set("mapping", keywordMapping());
                templates.addObject().set(map.path().replace('.', '_') + "_as_keywords", rule);
            }
        }
        ObjectNode strings = JSON.objectNode();
        strings.put("match_mapping_type", "string");
        strings.set("mapping", keywordMapping());
        templates.addObject().set("strings_as_keywords", strings);
        return templates;
    }

    private static ObjectNode mappingOf(Field field) {
        ObjectNode mapping = JSON.objectNode();
        if (field instanceof Field.Keyword keyword) {
            mapping.setAll(keywordMapping());
            if (keyword.withTextSubfield()) {
                mapping.putObject("fields").putObject("text").put("type", "text");
            }
        } else if (field instanceof Field.KeywordArray) {
            mapping.setAll(keywordMapping());
        } else if (field instanceof Field.KeywordMap) {
            mapping.put("type", "object");
            mapping.put("dynamic", true);
        } else if (field instanceof Field.Alias alias) {
            mapping.put("type", "alias");
            mapping.put("path", alias.target().path());
        } else {
            mapping.put("type", field.mappingType());
        }
        return mapping;
    }

    private static ObjectNode keywordMapping() {
        ObjectNode mapping = JSON.objectNode();
        mapping.put("type", "keyword");
        mapping.put("ignore_above", IGNORE_ABOVE);
        return mapping;
    }
}
