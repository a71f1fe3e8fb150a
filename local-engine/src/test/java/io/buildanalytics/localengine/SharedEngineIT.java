package io.buildanalytics.localengine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The extension as integration tests use it: shared nodes, lazily started, injectable per kind. */
class SharedEngineIT {

    @RegisterExtension
    static final LocalEngineExtension engines = new LocalEngineExtension();

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void injectsTheSharedNodeOfTheInvocationsKind(EngineKind kind, LocalEngine engine) {
        assertThat(engine.kind()).isEqualTo(kind);
        assertThat(engine).isSameAs(engines.get(kind));
        NodeSightings.assertSameNodeAsEverywhereElse(engine);
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void bulkIndexesAndRefreshMakesTheDocumentsSearchable(EngineKind kind, LocalEngine engine) {
        String index = "shared-bulk-" + kind.id();
        engine.http().delete("/" + index);

        EngineHttp.Response bulk = engine.http().bulk(String.join("\n",
                "{\"index\":{\"_index\":\"" + index + "\",\"_id\":\"1\"}}",
                "{\"pipeline\":\"deploy\",\"status\":\"SUCCESS\",\"duration_ms\":1200}",
                "{\"index\":{\"_index\":\"" + index + "\",\"_id\":\"2\"}}",
                "{\"pipeline\":\"deploy\",\"status\":\"FAILURE\",\"duration_ms\":300}",
                "{\"index\":{\"_index\":\"" + index + "\",\"_id\":\"3\"}}",
                "{\"pipeline\":\"build\",\"status\":\"SUCCESS\",\"duration_ms\":900}"));
        bulk.requireSuccess();
        assertThat(bulk.json().path("items")).hasSize(3);
        engine.http().refresh(index).requireSuccess();

        JsonNode result = engine.http().post("/" + index + "/_search",
                "{\"size\":0,\"query\":{\"term\":{\"status.keyword\":\"SUCCESS\"}},"
                        + "\"aggs\":{\"total\":{\"sum\":{\"field\":\"duration_ms\"}}}}").requireSuccess().json();
        assertThat(result.path("hits").path("total").path("value").asInt()).isEqualTo(2);
        assertThat(result.path("aggregations").path("total").path("value").asDouble()).isEqualTo(2100.0);
    }

    @Test
    void reportsFailuresAsStatusesInsteadOfThrowing() {
        LocalEngine engine = engines.get(EngineKind.OPENSEARCH);

        EngineHttp.Response missing = engine.http().get("/no-such-index-anywhere/_doc/1");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("error").path("type").asText()).isEqualTo("index_not_found_exception");
    }
}
