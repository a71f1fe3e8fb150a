package io.buildanalytics.shipper.backend;

import com.fasterxml.jackson.databind.JsonNode;
import io.buildanalytics.shipper.connection.EngineProduct;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Asks an engine what it is, and checks that against the configured product.
 *
 * <p>{@code GET /} is the usual answer. Elasticsearch's integ-test distribution (and some managed offerings)
 * has no {@code GET /}, answering 404 or 405; then the local node's info gives the version. The product comes from
 * the engine's own marks: Elasticsearch 7.14+ sends {@code X-Elastic-Product: Elasticsearch} on every answer,
 * OpenSearch says {@code "distribution": "opensearch"} in its version block.
 */
final class EngineIdentity {

    static final String ACTION = "reading the engine's version";

    private EngineIdentity() {
    }

    static EngineInfo check(JsonHttp http, EngineProduct configured, Failures failures)
            throws IOException, BackendException {
        HttpAnswer root = http.get("/", Map.of());
        if (root.succeeded()) {
            return confirm(productOf(root), versionFromRoot(root, failures), configured, failures);
        }
        if (root.status() != 404 && root.status() != 405) {
            throw failures.status(root.status(), ACTION, root.errorDetail());
        }
        HttpAnswer nodes = http.get("/_nodes/_local", Map.of("filter_path", "nodes.*.version"));
        if (!nodes.succeeded()) {
            throw failures.status(nodes.status(), ACTION, nodes.errorDetail());
        }
        return confirm(productOf(nodes), versionFromNodes(nodes, failures), configured, failures);
    }

    private static EngineInfo confirm(EngineProduct found, String version, EngineProduct configured,
                                      Failures failures) throws BackendException {
        if (found == configured) {
            return new EngineInfo(found, version);
        }
        if (found == null) {
            // OpenSearch in compatibility mode (Amazon's "override main response version") looks like nothing;
            // elasticsearch-java itself refuses a server without the product header, so only OpenSearch may pass.
            if (configured == EngineProduct.OPENSEARCH) {
                return new EngineInfo(configured, version);
            }
            throw failures.wrongProduct("a server reporting version " + version
                    + " that does not identify itself as Elasticsearch (no X-Elastic-Product header)");
        }
        throw failures.wrongProduct(found.displayName() + " " + version);
    }

    /** The product the answer identifies, or null when it carries no mark. */
    static EngineProduct productOf(HttpAnswer answer) {
        if ("opensearch".equalsIgnoreCase(answer.json().path("version").path("distribution").asText(""))) {
            return EngineProduct.OPENSEARCH;
        }
        if ("Elasticsearch".equals(answer.header("X-Elastic-Product"))) {
            return EngineProduct.ELASTICSEARCH;
        }
        return null;
    }

    private static String versionFromRoot(HttpAnswer root, Failures failures) throws BackendException {
        String version = root.json().path("version").path("number").asText("");
        if (version.isEmpty()) {
            throw failures.unreadable(ACTION, "it has no version number (" + root.errorDetail() + ")", null);
        }
        return version;
    }

    private static String versionFromNodes(HttpAnswer nodes, Failures failures) throws BackendException {
        Iterator<JsonNode> all = nodes.json().path("nodes").elements();
        String version = all.hasNext() ? all.next().path("version").asText("") : "";
        if (version.isEmpty()) {
            throw failures.unreadable(ACTION, "the local node reported no version (" + nodes.errorDetail() + ")",
                    null);
        }
        return version;
    }
}
