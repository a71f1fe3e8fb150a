package io.buildanalytics.shipper.backend;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.TransportException;
import co.elastic.clients.transport.instrumentation.NoopInstrumentation;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildanalytics.shipper.connection.EngineConnection;
import io.buildanalytics.shipper.connection.EngineProduct;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.elasticsearch.client.RestClient;

/**
 * {@link Backend} for Elasticsearch 8.x/9.x through elasticsearch-java. Bulk requests go through the typed client,
 * which writes each document's bytes into the request as they are ({@link BinaryData}); version, templates and
 * privileges go through the same client's low-level REST layer, as raw JSON (see {@link JsonHttp} for why).
 */
final class ElasticsearchBackend implements Backend {

    private static final Logger LOG = Logger.getLogger(ElasticsearchBackend.class.getName());

    private final EngineConnection connection;
    private final Failures failures;
    private final ElasticsearchRefusals refusals;
    private final RestClient restClient;
    private final ElasticsearchClient client;
    private final JsonHttp http;

    ElasticsearchBackend(EngineConnection connection, TlsTrust tls) {
        this.connection = connection;
        this.failures = new Failures(connection);
        this.refusals = new ElasticsearchRefusals(failures);
        this.restClient = ElasticsearchRestClients.build(connection, tls);
        // Instrumentation given explicitly: left null, the transport would look for OpenTelemetry, which we do
        // not ship.
        RestClientTransport transport = new RestClientTransport(restClient, new JacksonJsonpMapper(), null,
                NoopInstrumentation.INSTANCE);
        this.client = new ElasticsearchClient(transport);
        this.http = new RestClientHttp(restClient);
    }

    @Override
    public EngineInfo info() throws BackendException {
        try {
            return EngineIdentity.check(http, EngineProduct.ELASTICSEARCH, failures);
        } catch (IOException e) {
            throw failures.io(e, EngineIdentity.ACTION);
        }
    }

    @Override
    public List<BulkItemResult> bulk(List<BulkItem> items) throws BackendException {
        if (items.isEmpty()) {
            return List.of();
        }
        String action = "sending " + items.size() + " event(s) in a bulk request";
        List<BulkOperation> operations = new ArrayList<>(items.size());
        for (BulkItem item : items) {
            BinaryData document = BinaryData.of(BulkBodies.oneLine(item.json()).getBytes(StandardCharsets.UTF_8),
                    ContentType.APPLICATION_JSON);
            operations.add(BulkOperation.of(operation -> operation
                    .index(index -> index.index(item.index()).id(item.id()).document(document))));
        }
        BulkResponse response;
        try {
            response = client.bulk(BulkRequest.of(request -> request.operations(operations)));
        } catch (ElasticsearchException e) {
            throw refusals.of(e, action);
        } catch (TransportException e) {
            throw refusals.of(e, action);
        } catch (IOException e) {
            throw refusals.of(e, action);
        }
        if (response.items().size() != items.size()) {
            throw failures.unreadable(action, "it has " + response.items().size() + " results for "
                    + items.size() + " events", null);
        }
        List<BulkItemResult> results = new ArrayList<>(items.size());
        for (BulkResponseItem item : response.items()) {
            ErrorCause error = item.error();
            results.add(error == null ? BulkItemResult.indexed(item.status())
                    : new BulkItemResult(item.status(), error.type(), error.reason()));
        }
        return results;
    }

    @Override
    public Optional<ObjectNode> indexTemplate(String name) throws BackendException {
        try {
            return IndexTemplates.get(http, name, failures);
        } catch (IOException e) {
            throw failures.io(e, "reading index template '" + name + "'");
        }
    }

    @Override
    public void putIndexTemplate(String name, ObjectNode body) throws BackendException {
        try {
            IndexTemplates.put(http, name, body, failures);
        } catch (IOException e) {
            throw failures.io(e, "installing index template '" + name + "'");
        }
    }

    @Override
    public Optional<AccessReport> access(String indexPattern, String templateName) throws BackendException {
        try {
            return ElasticsearchAccess.check(http, indexPattern, failures);
        } catch (IOException e) {
            throw failures.io(e, "checking the credentials' privileges");
        }
    }

    @Override
    public void close() {
        try {
            // Closing the transport closes the REST client, which stops its I/O reactor and joins its threads.
            client._transport().close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "Closing the Elasticsearch client of " + connection.describeTarget() + " failed", e);
        }
    }
}
