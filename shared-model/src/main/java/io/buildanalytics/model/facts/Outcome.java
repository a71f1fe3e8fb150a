package io.buildanalytics.model.facts;

/** ECS {@code event.outcome}: whether the run counts as a success, a failure, or neither (cancelled, skipped). */
public enum Outcome {
    SUCCESS, FAILURE, UNKNOWN;

    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
