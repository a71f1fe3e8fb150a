package io.buildanalytics.bench.engine;

import io.buildanalytics.localengine.EngineHttp;
import io.buildanalytics.localengine.EngineKind;
import io.buildanalytics.localengine.EngineOptions;
import io.buildanalytics.localengine.LocalEngine;
import io.buildanalytics.model.schema.IndexNaming;
import io.buildanalytics.model.schema.IndexTemplate;
import io.buildanalytics.shipper.connection.EngineConnection;
import io.buildanalytics.shipper.connection.EngineProduct;
import java.net.URI;
import java.time.Duration;

/**
 * The local Elasticsearch every end-to-end figure is measured against: the references' requests (raw
 * {@code _bulk}, one request per build) and the administrative calls around the timed parts (templates, refresh,
 * counts, clean-up), all through local-engine's {@link EngineHttp}.
 */
public final class BenchEngine implements AutoCloseable {

    private final LocalEngine engine;
    private final EngineHttp http;
    private final String heap;

    private BenchEngine(LocalEngine engine, String heap) {
        this.engine = engine;
        this.heap = heap;
        this.http = new EngineHttp(engine.baseUri(), Duration.ofMinutes(10));
    }

    public static BenchEngine start(String heap) {
        return new BenchEngine(LocalEngine.start(EngineKind.ELASTICSEARCH, EngineOptions.defaults().withHeap(heap)), heap);
    }

    public URI baseUri() {
        return engine.baseUri();
    }

    public EngineConnection connection() {
        return EngineConnection.to(EngineProduct.ELASTICSEARCH, engine.baseUri());
    }

    public String describe() {
        return "Elasticsearch " + engine.version() + " (integ-test-zip, one local node, " + heap + " heap), on the "
                + "same machine";
    }

    /** The product's template, as the shipper installs it, so every index family gets the same mappings. */
    public void installTemplate(IndexNaming naming) {
        http.put("/_index_template/" + naming.templateName(), IndexTemplate.build(naming).toString()).requireSuccess();
    }

    public void refresh(String pattern) {
        http.refresh(pattern).requireSuccess();
    }

    /** Searchable documents in the indices matching {@code pattern}, after a refresh. */
    public long count(String pattern) {
        refresh(pattern);
        return http.get("/" + pattern + "/_count").requireSuccess().json().path("count").asLong(-1);
    }

    /** Elasticsearch 8 refuses wildcard deletes by default, so each matching index is named. */
    public void deleteIndices(String pattern) {
        for (com.fasterxml.jackson.databind.JsonNode index
                : http.get("/_cat/indices/" + pattern + "?h=index&format=json").requireSuccess().json()) {
            http.delete("/" + index.path("index").asText()).requireSuccess();
        }
    }

    /**
     * Turns the shard request cache off, so that repeating a dashboard query measures the search, not a cache hit:
     * the figures are those of a dashboard's first load after new events arrived.
     */
    public void disableRequestCache(String pattern) {
        http.put("/" + pattern + "/_settings", "{\"index.requests.cache.enable\":false}").requireSuccess();
    }

    /** Writes the bulk load's segments out, so that the queries are not timed against a flush in progress. */
    public void flush(String pattern) {
        http.post("/" + pattern + "/_flush", null).requireSuccess();
    }

    /**
     * Posts one pre-built {@code _bulk} body, as the raw reference does: local-engine's plain JDK client, one
     * connection, no retries and no parsing beyond the status and the {@code errors} flag. Fails when the engine
     * refused the request or any item in it.
     */
    public void bulk(String ndjson) {
        String answer = http.bulk(ndjson).requireSuccess().body();
        int flag = answer.indexOf("\"errors\":");
        if (flag < 0 || !answer.startsWith("false", flag + 9)) {
            throw new IllegalStateException("The engine refused items of a _bulk request: "
                    + answer.substring(0, Math.min(answer.length(), 500)));
        }
    }

    /** Indexes one document with its own request, as plugins that send per build do. */
    public void put(String index, String id, String json) {
        http.put("/" + index + "/_doc/" + id, json).requireSuccess();
    }

    @Override
    public void close() {
        engine.close();
    }
}
