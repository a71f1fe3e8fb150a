package io.buildanalytics.model.schema;

/** Which standard a field name comes from; shown in the schema document so dashboard authors know what to expect. */
public enum Origin {
    /** Elastic Common Schema. */
    ECS("ECS"),
    /** OpenTelemetry semantic conventions (CI/CD, VCS, deployment). */
    OTEL("OTel"),
    /** This project's own {@code ci.*} and {@code dora.*} namespaces. */
    PROJECT("project");

    private final String label;

    Origin(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
