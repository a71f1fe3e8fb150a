package io.buildanalytics.shipper.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildanalytics.localengine.EngineKind;
import io.buildanalytics.localengine.LocalEngine;
import io.buildanalytics.localengine.LocalEngineExtension;
import io.buildanalytics.shipper.connection.EngineConnection;
import io.buildanalytics.shipper.connection.EngineProduct;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Both backends against the real engines (integ-test distributions: no security, Elasticsearch without GET /). */
class BackendIT {

    @RegisterExtension
    static final LocalEngineExtension ENGINES = new LocalEngineExtension();

    private static EngineProduct productOf(EngineKind kind) {
        return kind == EngineKind.ELASTICSEARCH ? EngineProduct.ELASTICSEARCH : EngineProduct.OPENSEARCH;
    }

    private static Backend open(EngineKind kind, LocalEngine engine) {
        return Backends.open(EngineConnection.to(productOf(kind), engine.baseUri()));
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void infoReportsTheRunningProductAndVersion(EngineKind kind, LocalEngine engine) throws Exception {
        try (Backend backend = open(kind, engine)) {
            assertThat(backend.info()).isEqualTo(new EngineInfo(productOf(kind), kind.defaultVersion()));
        }
        if (kind == EngineKind.ELASTICSEARCH) {
            // Why info() has a fallback: this distribution has no GET / at all.
            assertThat(engine.http().get("/").status()).isIn(404, 405);
        }
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void bulkIndexesAndOverwritesById(EngineKind kind, LocalEngine engine) throws Exception {
        String index = "backend-it-bulk-" + kind.id();
        engine.http().delete("/" + index);
        try (Backend backend = open(kind, engine)) {
            List<BulkItemResult> first = backend.bulk(List.of(
                    new BulkItem(index, "run-1", "{\"result\":\"SUCCESS\",\"n\":1}"),
                    new BulkItem(index, "run-2", "{\"result\":\"FAILURE\",\"n\":2}"),
                    new BulkItem(index, "run-3", "{\n  \"result\": \"ABORTED\",\n  \"n\": 3\n}")));
            assertThat(first).extracting(BulkItemResult::status).containsExactly(201, 201, 201);
            List<BulkItemResult> again = backend.bulk(List.of(
                    new BulkItem(index, "run-1", "{\"result\":\"UNSTABLE\",\"n\":10}")));
            assertThat(again).containsExactly(BulkItemResult.indexed(200));
        }
        engine.http().refresh(index).requireSuccess();
        assertThat(engine.http().get("/" + index + "/_count").requireSuccess().json().path("count").asLong())
                .isEqualTo(3);
        JsonNode run1 = engine.http().get("/" + index + "/_doc/run-1").requireSuccess().json();
        assertThat(run1.path("_source").path("result").asText()).isEqualTo("UNSTABLE");
        assertThat(run1.path("_version").asInt()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void aMappingConflictRejectsOnlyThatDocument(EngineKind kind, LocalEngine engine) throws Exception {
        String index = "backend-it-conflict-" + kind.id();
        engine.http().delete("/" + index);
        engine.http().put("/" + index, "{\"mappings\":{\"properties\":{\"n\":{\"type\":\"long\"}}}}")
                .requireSuccess();
        try (Backend backend = open(kind, engine)) {
            List<BulkItemResult> results = backend.bulk(List.of(
                    new BulkItem(index, "ok-1", "{\"n\":1}"),
                    new BulkItem(index, "bad", "{\"n\":\"not a number\"}"),
                    new BulkItem(index, "ok-2", "{\"n\":3}")));
            assertThat(results.get(0).succeeded()).isTrue();
            assertThat(results.get(2).succeeded()).isTrue();
            BulkItemResult rejected = results.get(1);
            assertThat(rejected.status()).isEqualTo(400);
            assertThat(rejected.permanentlyRejected()).isTrue();
            assertThat(rejected.errorType()).endsWith("parsing_exception");
            assertThat(rejected.reason()).contains("[n]");
        }
        engine.http().refresh(index).requireSuccess();
        assertThat(engine.http().get("/" + index + "/_count").requireSuccess().json().path("count").asLong())
                .isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void anIndexTemplateComesBackAsPut(EngineKind kind, LocalEngine engine) throws Exception {
        String name = "backend-it-template-" + kind.id();
        engine.http().delete("/_index_template/" + name);
        ObjectNode body = (ObjectNode) HttpAnswer.JSON.readTree("{\"index_patterns\":[\"backend-it-tpl-" + kind.id()
                + "-*\"],\"priority\":321,\"template\":{\"settings\":{\"number_of_shards\":1},"
                + "\"mappings\":{\"dynamic\":\"strict\",\"properties\":{\"n\":{\"type\":\"long\"},"
                + "\"result\":{\"type\":\"keyword\"}}}},\"_meta\":{\"schema_version\":7}}");
        try (Backend backend = open(kind, engine)) {
            assertThat(backend.indexTemplate(name)).isEmpty();
            backend.putIndexTemplate(name, body);
            Optional<ObjectNode> stored = backend.indexTemplate(name);
            assertThat(stored).isPresent();
            assertThat(stored.get().path("index_patterns")).isEqualTo(body.path("index_patterns"));
            assertThat(stored.get().path("priority").asInt()).isEqualTo(321);
            assertThat(stored.get().path("_meta")).isEqualTo(body.path("_meta"));
            assertThat(stored.get().path("template").path("mappings"))
                    .isEqualTo(body.path("template").path("mappings"));
            // The engine keeps settings in its own normal form.
            assertThat(stored.get().path("template").path("settings").path("index").path("number_of_shards")
                    .asText()).isEqualTo("1");
        } finally {
            engine.http().delete("/_index_template/" + name);
        }
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void withoutSecurityThereIsNoAccessReport(EngineKind kind, LocalEngine engine) throws Exception {
        try (Backend backend = open(kind, engine)) {
            assertThat(backend.access("cicd-events-*", "cicd-events")).isEmpty();
        }
    }
}
