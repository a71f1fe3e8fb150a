package io.buildanalytics.shipper.settings;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The admin page's fields by name, each with its {@link FieldRules} rule: the check as the admin types and the
 * validation of a whole page on save. Jenkins and TeamCity name their fields alike, so both pages answer the same
 * way to the same input.
 */
public final class FieldChecks {

    /** The fields checked in order on save; the AWS region is checked last and only for the Amazon backends. */
    public static final List<String> FIELDS = List.of("urls", "indexPrefix", "tlsCaPem", "deploymentPatterns",
            "productionEnvironments", "deploymentEnvironmentParameter", "deploymentServiceParameter",
            "deploymentVersionParameter", "allowedParameters", "labels", "diskBudgetMb");

    private FieldChecks() {
    }

    /** A field that failed validation, named so the page can point at it. */
    public static final class InvalidField extends IllegalArgumentException {
        private final String field;

        public InvalidField(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /**
     * Checks one field as typed.
     *
     * @throws IllegalArgumentException with the sentence the page shows under the field
     */
    public static void check(String field, String value) {
        switch (field) {
            case "urls" -> FieldRules.urls(value);
            case "indexPrefix" -> FieldRules.indexPrefix(value);
            case "tlsCaPem" -> FieldRules.caPem(value);
            case "deploymentPatterns" -> FieldRules.deploymentPatterns(value);
            case "productionEnvironments" -> FieldRules.productionEnvironments(value);
            case "deploymentEnvironmentParameter" -> FieldRules.parameterName(value, "environment");
            case "deploymentServiceParameter" -> FieldRules.parameterName(value, "service");
            case "deploymentVersionParameter" -> FieldRules.parameterName(value, "version");
            case "allowedParameters" -> ParameterFilter.parse(value);
            case "labels" -> FieldRules.labels(value);
            case "diskBudgetMb" -> FieldRules.diskBudgetBytes(megabytes(value));
            default -> throw new IllegalStateException("No rule for field " + field);
        }
    }

    /** The region check, which only applies when the backend signs with AWS. */
    public static void checkAwsRegion(String value, String backendId) {
        if (Backend.fromId(backendId).signsWithAws()) {
            FieldRules.awsRegion(value);
        }
    }

    /**
     * Validates every field of a page that is to record builds (a page without URLs is "not configured yet" and
     * passes).
     *
     * @param values field name to value as typed; {@code backend} and {@code awsRegion} included
     * @throws InvalidField for the first field in error
     */
    public static void validate(Map<String, String> values) {
        String urls = values.get("urls");
        if (urls == null || urls.isBlank()) {
            return;
        }
        named("backend", () -> Backend.fromId(values.get("backend")));
        for (String field : FIELDS) {
            named(field, () -> {
                check(field, values.get(field));
                return null;
            });
        }
        named("awsRegion", () -> {
            checkAwsRegion(values.get("awsRegion"), values.get("backend"));
            return null;
        });
    }

    /** Megabytes as typed; the page's number field may still send text. */
    public static int megabytes(String value) {
        try {
            return Integer.parseInt(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Enter a whole number of megabytes");
        }
    }

    private static <T> T named(String field, Supplier<T> rule) {
        try {
            return rule.get();
        } catch (InvalidField e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidField(field, e.getMessage());
        }
    }
}
