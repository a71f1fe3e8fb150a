package io.buildanalytics.jenkins;

import hudson.util.FormValidation;
import io.buildanalytics.shipper.settings.Backend;
import io.buildanalytics.shipper.settings.FieldRules;
import io.buildanalytics.jenkins.settings.FormValues;
import io.buildanalytics.shipper.settings.ParameterFilter;
import io.buildanalytics.shipper.check.ConnectionVerdict;

/** The page's field checks and the save's validation, both from {@link FieldRules}, as Jenkins form answers. */
final class SettingsValidation {

    private SettingsValidation() {
    }

    /** A field that failed validation on save, named so Jenkins can point at it. */
    static final class InvalidField extends IllegalArgumentException {
        private final String field;

        InvalidField(String field, String message) {
            super(message);
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    /** Validates every field of enabled settings; throws for the first invalid one. */
    static void validate(FormValues v) {
        if (!v.enabled() || v.urls() == null || v.urls().isBlank()) {
            return;
        }
        Backend backend = rule("backend", () -> Backend.fromId(v.backend()));
        String[][] fields = {
            {"urls", v.urls()}, {"indexPrefix", v.indexPrefix()}, {"tlsCaPem", v.tlsCaPem()},
            {"deploymentPatterns", v.deploymentPatterns()}, {"productionEnvironments", v.productionEnvironments()},
            {"deploymentEnvironmentParameter", v.deploymentEnvironmentParameter()},
            {"deploymentServiceParameter", v.deploymentServiceParameter()},
            {"deploymentVersionParameter", v.deploymentVersionParameter()},
            {"allowedParameters", v.allowedParameters()}, {"labels", v.labels()},
            {"diskBudgetMb", String.valueOf(v.diskBudgetMb())},
        };
        for (String[] field : fields) {
            String name = field[0];
            rule(name, () -> apply(name, field[1]));
        }
        if (backend.signsWithAws()) {
            rule("awsRegion", () -> FieldRules.awsRegion(v.awsRegion()));
        }
    }

    /** The as-you-type check of one field. */
    static FormValidation check(String field, String value) {
        try {
            apply(field, value);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    static FormValidation checkAwsRegion(String value, String backend) {
        try {
            if (Backend.fromId(backend).signsWithAws()) {
                FieldRules.awsRegion(value);
            }
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /** A connection test's verdict as the button's answer: one line, all details, never a secret. */
    static FormValidation verdict(ConnectionVerdict verdict) {
        StringBuilder text = new StringBuilder(verdict.headline());
        for (String detail : verdict.details()) {
            text.append(" · ").append(detail);
        }
        return switch (verdict.level()) {
            case OK -> FormValidation.ok(text.toString());
            case WARNING -> FormValidation.warning(text.toString());
            case FAILED -> FormValidation.error(text.toString());
        };
    }

    private static Object apply(String field, String value) {
        return switch (field) {
            case "urls" -> FieldRules.urls(value);
            case "indexPrefix" -> FieldRules.indexPrefix(value);
            case "tlsCaPem" -> String.valueOf(FieldRules.caPem(value));
            case "deploymentPatterns" -> FieldRules.deploymentPatterns(value);
            case "productionEnvironments" -> FieldRules.productionEnvironments(value);
            case "deploymentEnvironmentParameter" -> String.valueOf(FieldRules.parameterName(value, "environment"));
            case "deploymentServiceParameter" -> String.valueOf(FieldRules.parameterName(value, "service"));
            case "deploymentVersionParameter" -> String.valueOf(FieldRules.parameterName(value, "version"));
            case "allowedParameters" -> ParameterFilter.parse(value);
            case "labels" -> FieldRules.labels(value);
            case "diskBudgetMb" -> FieldRules.diskBudgetBytes(parseInt(value));
            default -> throw new IllegalStateException("No rule for field " + field);
        };
    }

    private static int parseInt(String value) {
        try {
            return Integer.parseInt(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Enter a whole number of megabytes");
        }
    }

    private static <T> T rule(String field, java.util.function.Supplier<T> rule) {
        try {
            return rule.get();
        } catch (InvalidField e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidField(field, e.getMessage());
        }
    }
}
