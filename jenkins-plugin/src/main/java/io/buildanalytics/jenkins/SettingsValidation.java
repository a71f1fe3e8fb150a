package io.buildanalytics.jenkins;

import hudson.util.FormValidation;
import io.buildanalytics.jenkins.settings.FormValues;
import io.buildanalytics.shipper.check.ConnectionVerdict;
import io.buildanalytics.shipper.settings.FieldChecks;
import java.util.HashMap;
import java.util.Map;

/** The page's field checks and the save's validation, both from {@link FieldChecks}, as Jenkins form answers. */
final class SettingsValidation {

    private SettingsValidation() {
    }

    /**
     * Validates every field of enabled settings.
     *
     * @throws FieldChecks.InvalidField for the first invalid one
     */
    static void validate(FormValues v) {
        if (!v.enabled()) {
            return;
        }
        Map<String, String> fields = new HashMap<>();
        fields.put("backend", v.backend());
        fields.put("urls", v.urls());
        fields.put("awsRegion", v.awsRegion());
        fields.put("indexPrefix", v.indexPrefix());
        fields.put("tlsCaPem", v.tlsCaPem());
        fields.put("deploymentPatterns", v.deploymentPatterns());
        fields.put("productionEnvironments", v.productionEnvironments());
        fields.put("deploymentEnvironmentParameter", v.deploymentEnvironmentParameter());
        fields.put("deploymentServiceParameter", v.deploymentServiceParameter());
        fields.put("deploymentVersionParameter", v.deploymentVersionParameter());
        fields.put("allowedParameters", v.allowedParameters());
        fields.put("labels", v.labels());
        fields.put("diskBudgetMb", String.valueOf(v.diskBudgetMb()));
        FieldChecks.validate(fields);
    }

    /** The as-you-type check of one field. */
    static FormValidation check(String field, String value) {
        try {
            FieldChecks.check(field, value);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    static FormValidation checkAwsRegion(String value, String backend) {
        try {
            FieldChecks.checkAwsRegion(value, backend);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /** A connection test's verdict as the button's answer: one line, all details, never a secret. */
    static FormValidation verdict(ConnectionVerdict verdict) {
        return switch (verdict.level()) {
            case OK -> FormValidation.ok(verdict.oneLine());
            case WARNING -> FormValidation.warning(verdict.oneLine());
            case FAILED -> FormValidation.error(verdict.oneLine());
        };
    }
}
