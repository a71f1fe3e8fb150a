package io.buildanalytics.model.facts;

/**
 * Which kind of CI server wrote the facts. It decides how the host's raw result is read
 * ({@link io.buildanalytics.model.facts.ResultMapping}); everything else is host-neutral.
 */
public enum CiProvider {
    JENKINS("jenkins", "Jenkins"),
    TEAMCITY("teamcity", "TeamCity"),
    /** Any other CI system sending events through the command line; its results use the OpenTelemetry words. */
    GENERIC("generic", "CI");

    private final String id;
    private final String defaultProduct;

    CiProvider(String id, String defaultProduct) {
        this.id = id;
        this.defaultProduct = defaultProduct;
    }

    public String id() {
        return id;
    }

    public String defaultProduct() {
        return defaultProduct;
    }
}
