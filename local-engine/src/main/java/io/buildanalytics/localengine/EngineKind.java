package io.buildanalytics.localengine;

import java.util.Locale;

/**
 * The search engines the runner can start, identified by their {@code integ-test-zip} Maven coordinates.
 *
 * <p>The default versions are not written here: they are filtered from the root pom's
 * {@code elasticsearch.version} / {@code opensearch.version} properties, so Maven and Java cannot disagree.
 */
public enum EngineKind {
    ELASTICSEARCH("org.elasticsearch.distribution.integ-test-zip", "elasticsearch"),
    OPENSEARCH("org.opensearch.distribution.integ-test-zip", "opensearch");

    private final String groupId;
    private final String artifactId;

    EngineKind(String groupId, String artifactId) {
        this.groupId = groupId;
        this.artifactId = artifactId;
    }

    /** Lower-case name used in system properties, cache directories and log lines, e.g. {@code opensearch}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String groupId() {
        return groupId;
    }

    public String artifactId() {
        return artifactId;
    }

    /** The version this project is built and tested against. */
    public String defaultVersion() {
        return EngineVersions.defaultVersion(this);
    }

    /** The launcher script, relative to the distribution's home. */
    String startScript() {
        return "bin/" + artifactId;
    }

    /** System property through which the build hands over the path of the distribution zip. */
    public String zipProperty() {
        return "buildanalytics.engine." + id() + ".zip";
    }
}
