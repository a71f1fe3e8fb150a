package io.buildanalytics.model.facts;

import java.util.Locale;

/** OpenTelemetry {@code vcs.ref.head.type}. */
public enum RefType {
    BRANCH, TAG;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
