package io.buildanalytics.shipper.backend;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The few things the shipper asks of an engine, whichever product it is. Every call is bounded by the
 * connection's timeouts and reports failure as a {@link BackendException} that says what kind of problem it was.
 * Implementations are thread-safe; {@link #close()} releases every thread and connection they own.
 */
public interface Backend extends AutoCloseable {

    /** Product and version, from the engine itself (not from the configuration). */
    EngineInfo info() throws BackendException;

    /**
     * One {@code _bulk} request of index operations (overwriting by id). The results are in the order of
     * {@code items}, one each. A whole-request failure (unreachable, 401, 429 for the request, 5xx, 413) throws.
     */
    List<BulkItemResult> bulk(List<BulkItem> items) throws BackendException;

    /** The composable index template's body as the engine holds it, or empty when there is none. */
    Optional<ObjectNode> indexTemplate(String name) throws BackendException;

    /** Creates or replaces a composable index template. */
    void putIndexTemplate(String name, ObjectNode body) throws BackendException;

    /**
     * Who the engine says we are and whether we may write events and manage the template, or empty when the
     * engine has no security to ask (security disabled, or an OpenSearch without its security plugin).
     */
    Optional<AccessReport> access(String indexPattern, String templateName) throws BackendException;

    @Override
    void close();
}
