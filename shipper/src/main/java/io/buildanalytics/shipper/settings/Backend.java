package io.buildanalytics.shipper.settings;

import io.buildanalytics.shipper.connection.EngineProduct;
import java.util.Locale;

/** The engine kinds the page offers; Amazon's two flavours sign requests with SigV4 instead of a credential. */
public enum Backend {
    ELASTICSEARCH("elasticsearch", "Elasticsearch 8.x / 9.x", EngineProduct.ELASTICSEARCH, null),
    OPENSEARCH("opensearch", "OpenSearch 2.x / 3.x", EngineProduct.OPENSEARCH, null),
    AMAZON_OPENSEARCH("amazon-opensearch", "Amazon OpenSearch Service (SigV4)", EngineProduct.OPENSEARCH, "es"),
    AMAZON_OPENSEARCH_SERVERLESS("amazon-opensearch-serverless", "Amazon OpenSearch Serverless (SigV4)",
            EngineProduct.OPENSEARCH, "aoss");

    private final String id;
    private final String displayName;
    private final EngineProduct product;
    private final String awsService;

    Backend(String id, String displayName, EngineProduct product, String awsService) {
        this.id = id;
        this.displayName = displayName;
        this.product = product;
        this.awsService = awsService;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public EngineProduct product() {
        return product;
    }

    /** "es" or "aoss" when requests are signed with AWS SigV4, else null. */
    public String awsService() {
        return awsService;
    }

    public boolean signsWithAws() {
        return awsService != null;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static Backend fromId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (Backend backend : values()) {
            if (backend.id.equals(wanted)) {
                return backend;
            }
        }
        throw new IllegalArgumentException("Unknown backend '" + id + "': use elasticsearch, opensearch, "
                + "amazon-opensearch or amazon-opensearch-serverless");
    }
}
