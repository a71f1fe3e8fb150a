package io.buildanalytics.kibana.bundle;

/** Which dashboards product a saved-object bundle is shaped for. */
public enum Flavor {
    /** Kibana 8.x and 9.x. */
    KIBANA("Kibana", "kibana"),
    /** OpenSearch Dashboards 2.x (a fork of Kibana 7.10.2). */
    OPENSEARCH_DASHBOARDS("OpenSearch Dashboards", "opensearch-dashboards");

    private final String productName;
    private final String fileSuffix;

    Flavor(String productName, String fileSuffix) {
        this.productName = productName;
        this.fileSuffix = fileSuffix;
    }

    public String productName() {
        return productName;
    }

    /** The bundle's file name; both products only accept an {@code .ndjson} upload. */
    public String fileName() {
        return "build-analytics-" + fileSuffix + ".ndjson";
    }
}
