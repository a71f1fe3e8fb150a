package io.buildanalytics.shipper.backend;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildanalytics.shipper.connection.EngineConnection;
import io.buildanalytics.shipper.connection.EngineProduct;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;

/**
 * {@link Backend} for OpenSearch 2.x/3.x and Amazon OpenSearch Service through opensearch-java's generic client.
 * Generic rather than typed: opensearch-java would re-parse every document token by token to write it into a bulk
 * request, while the generic client sends our NDJSON as it is; and the typed models of version and templates
 * drop or reject what they do not know.
 */
final class OpenSearchBackend implements Backend {

    private static final Logger LOG = Logger.getLogger(OpenSearchBackend.class.getName());

    private final EngineConnection connection;
    private final Failures failures;
    private final OpenSearchTransports.Owned transport;
    private final JsonHttp http;

    OpenSearchBackend(EngineConnection connection, TlsTrust tls) {
        this.connection = connection;
        this.failures = new Failures(connection);
        this.transport = OpenSearchTransports.open(connection, tls);
        this.http = new GenericClientHttp(new OpenSearchGenericClient(transport.transport()));
    }

    @Override
    public EngineInfo info() throws BackendException {
        try {
            return EngineIdentity.check(http, EngineProduct.OPENSEARCH, failures);
        } catch (IOException | RuntimeException e) {
            throw failures.io(requireIoCause(e), EngineIdentity.ACTION);
        }
    }

    @Override
    public List<BulkItemResult> bulk(List<BulkItem> items) throws BackendException {
        if (items.isEmpty()) {
            return List.of();
        }
        String action = "sending " + items.size() + " event(s) in a bulk request";
        HttpAnswer answer;
        try {
            answer = http.send("POST", "/_bulk", Map.of(), BulkBodies.ndjson(items), BulkBodies.CONTENT_TYPE);
        } catch (IOException | RuntimeException e) {
            throw failures.io(requireIoCause(e), action);
        }
        if (!answer.succeeded()) {
            throw failures.status(answer.status(), action, answer.errorDetail());
        }
        List<BulkItemResult> results = BulkBodies.results(answer.json(), items.size());
        if (results == null) {
            throw failures.unreadable(action, "it does not hold one result per event (" + answer.errorDetail()
                    + ")", null);
        }
        return results;
    }

    @Override
    public Optional<ObjectNode> indexTemplate(String name) throws BackendException {
        try {
            return IndexTemplates.get(http, name, failures);
        } catch (IOException | RuntimeException e) {
            throw failures.io(requireIoCause(e), "reading index template '" + name + "'");
        }
    }

    @Override
    public void putIndexTemplate(String name, ObjectNode body) throws BackendException {
        try {
            IndexTemplates.put(http, name, body, failures);
        } catch (IOException | RuntimeException e) {
            throw failures.io(requireIoCause(e), "installing index template '" + name + "'");
        }
    }

    @Override
    public Optional<AccessReport> access(String indexPattern, String templateName) throws BackendException {
        try {
            return OpenSearchAccess.check(http, failures);
        } catch (IOException | RuntimeException e) {
            throw failures.io(requireIoCause(e), "checking the credentials' privileges");
        }
    }

    @Override
    public void close() {
        try {
            transport.transport().close();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Closing the OpenSearch transport of " + connection.describeTarget() + " failed", e);
        }
        for (AutoCloseable resource : transport.alsoClose()) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "Closing " + resource + " failed", e);
            }
        }
    }

    /**
     * The signing path wraps I/O failures in unchecked SDK exceptions; the cause says what happened. Anything
     * else unchecked is a bug and goes on as it is.
     */
    private static Throwable requireIoCause(Exception e) throws RuntimeException {
        if (e instanceof IOException) {
            return e;
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return e;
            }
        }
        throw (RuntimeException) e;
    }
}
