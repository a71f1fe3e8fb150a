package io.buildanalytics.model.schema;

/**
 * Renders {@code docs/schema.md}, the field reference a dashboard author reads, from {@link EventFields}: one
 * table row per field.
 */
public final class SchemaDocument {

    private SchemaDocument() {
    }

    public static String render() {
        IndexNaming naming = IndexNaming.defaults();
        StringBuilder md = new StringBuilder();
        md.append("# Build event schema, version ").append(EventFields.SCHEMA_VERSION).append("\n\n");
        md.append("<!-- Generated from shared-model's EventFields; a test fails when this file is out of date. ")
                .append("Regenerate with: ./mvnw -pl shared-model -am test -Dtest=SchemaArtifactsTest "
                        + "-Dsurefire.failIfNoSpecifiedTests=false -Dbuildanalytics.schema.write=true -->\n\n");
        md.append("Every finished CI run, on Jenkins or TeamCity, becomes one document of this shape. A field means "
                + "the same thing whichever server wrote it.\n\n");
        md.append("- **Index**: `").append(naming.prefix()).append("-YYYY.MM`, the UTC month of `@timestamp`; read "
                + "them all through the alias `").append(naming.readAlias()).append("` or the pattern `")
                .append(naming.indexPattern()).append("`. The prefix is configurable.\n");
        md.append("- **Template**: composable index template `").append(naming.templateName()).append("`, priority ")
                .append(IndexTemplate.PRIORITY).append(", `_meta.schema_version: ").append(EventFields.SCHEMA_VERSION)
                .append("` ([index-template.json](index-template.json)); JSON Schema of the document: ")
                .append("[build-event.schema.json](build-event.schema.json).\n");
        md.append("- **Identity**: `_id` = `event.id` = lower-case hex SHA-256 of the UTF-8 bytes of ")
                .append("`<n>:<server id>;<n>:<pipeline id>;<n>:<run id>;<n>:<event action>;` where each `<n>` is the ")
                .append("length of the value after it. A resend of the same run overwrites the same document.\n");
        md.append("- **Units**: durations and lead times are nanoseconds (hours = value / 3.6e12); dates are "
                + "ISO-8601 UTC.\n");
        md.append("- **Bounds**: strings are cut to the length shown (ending in `…`); control characters become "
                + "spaces; lists are capped as shown. A document stays well under 100 KB.\n");
        md.append("- **Deployments**: Deployment Frequency counts `dora.is_deployment: true`, "
                + "`dora.is_production: true`, `event.outcome: success`. Failure rates use `event.outcome` and leave "
                + "`unknown` (cancelled, skipped) out.\n");
        md.append("- **Always**: ✓ marks fields present on every event.\n\n");
        md.append("| Field | Type | From | Always | Meaning |\n");
        md.append("|---|---|---|---|---|\n");
        for (Field field : EventFields.all()) {
            md.append("| `").append(field.path()).append("` | ").append(typeOf(field)).append(" | ")
                    .append(field.origin().label()).append(" | ").append(field.required() ? "✓" : "")
                    .append(" | ").append(field.description().replace("|", "\\|")).append(" |\n");
        }
        return md.toString();
    }

    private static String typeOf(Field field) {
        if (field instanceof Field.Keyword keyword) {
            return "keyword ≤" + keyword.maxLength() + (keyword.withTextSubfield() ? " (+ `.text`)" : "");
        }
        if (field instanceof Field.KeywordArray array) {
            return "keyword[] ≤" + array.maxItems() + " × ≤" + array.maxLength();
        }
        if (field instanceof Field.NumberArray array) {
            return "long[] ≤" + array.maxItems();
        }
        if (field instanceof Field.KeywordMap map) {
            return "object of keyword ≤" + map.maxValueLength() + ", ≤" + map.maxEntries() + " keys";
        }
        if (field instanceof Field.Alias alias) {
            return "alias → `" + alias.target().path() + "`";
        }
        return field.mappingType();
    }
}
