package io.buildanalytics.localengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EngineHttpResponseTest {

    @Test
    void parsesJsonBodies() {
        EngineHttp.Response response = new EngineHttp.Response("GET /", 200, "{\"status\":\"green\",\"number_of_nodes\":1}");

        assertThat(response.json().path("status").asText()).isEqualTo("green");
        assertThat(response.json().path("number_of_nodes").asInt()).isEqualTo(1);
        assertThat(response.requireSuccess()).isSameAs(response);
    }

    @Test
    void plainTextIsNotMistakenForJson() {
        EngineHttp.Response response = new EngineHttp.Response("GET /_cat/health", 200, "1700000000 green 1 1\n");

        assertThat(response.json().isMissingNode()).isTrue();
        assertThat(response.body()).startsWith("1700000000 green");
    }

    @Test
    void failedStatusAndFailedBulkItemsFailRequireSuccess() {
        EngineHttp.Response notFound = new EngineHttp.Response("GET /missing/_doc/1", 404, "{\"found\":false}");
        EngineHttp.Response bulk = new EngineHttp.Response("POST /_bulk", 200, "{\"errors\":true,\"items\":[]}");

        assertThat(notFound.isSuccess()).isFalse();
        assertThatThrownBy(notFound::requireSuccess).hasMessageContaining("GET /missing/_doc/1 answered 404");
        assertThat(bulk.isSuccess()).isTrue();
        assertThatThrownBy(bulk::requireSuccess).hasMessageContaining("\"errors\":true");
    }
}
