package io.buildanalytics.model.derive;

import java.util.Locale;
import java.util.Map;

/**
 * Normalises environment names to OpenTelemetry's well-known values ({@code production}, {@code staging},
 * {@code test}, {@code development}) so "Prod", "PRD" and "production" land in one dashboard bucket. Other names
 * are kept, lower-cased.
 */
public final class EnvironmentNames {

    public static final String PRODUCTION = "production";

    private static final Map<String, String> WELL_KNOWN = Map.ofEntries(
            Map.entry("production", PRODUCTION), Map.entry("prod", PRODUCTION), Map.entry("prd", PRODUCTION),
            Map.entry("live", PRODUCTION),
            Map.entry("staging", "staging"), Map.entry("stage", "staging"), Map.entry("stg", "staging"),
            Map.entry("preprod", "staging"), Map.entry("pre-production", "staging"),
            Map.entry("test", "test"), Map.entry("testing", "test"), Map.entry("qa", "test"),
            Map.entry("development", "development"), Map.entry("dev", "development"));

    private EnvironmentNames() {
    }

    public static String normalize(String environment) {
        String name = environment.trim().toLowerCase(Locale.ROOT);
        return WELL_KNOWN.getOrDefault(name, name);
    }
}
