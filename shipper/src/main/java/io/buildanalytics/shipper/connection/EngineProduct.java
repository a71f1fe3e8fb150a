package io.buildanalytics.shipper.connection;

/** The search engine family a connection talks to; each has its own official client. */
public enum EngineProduct {
    /** Elasticsearch 8.x and 9.x, through elasticsearch-java. */
    ELASTICSEARCH("Elasticsearch"),
    /** OpenSearch 2.x and 3.x, and Amazon OpenSearch Service, through opensearch-java. */
    OPENSEARCH("OpenSearch");

    private final String displayName;

    EngineProduct(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
