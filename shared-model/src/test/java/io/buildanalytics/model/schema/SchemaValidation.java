package io.buildanalytics.model.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Validates documents against the generated JSON Schema with a real validator. */
public final class SchemaValidation {

    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(EventJsonSchema.build(), SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());

    private SchemaValidation() {
    }

    /** @return the violations, empty when the document is valid */
    public static List<String> violations(JsonNode document) {
        Set<ValidationMessage> messages = SCHEMA.validate(document);
        return messages.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.toList());
    }
}
