package io.buildanalytics.model.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildanalytics.localengine.EngineHttp;
import io.buildanalytics.localengine.LocalEngine;
import io.buildanalytics.model.event.BuildEvent;
import io.buildanalytics.model.schema.IndexNaming;
import io.buildanalytics.model.schema.IndexTemplate;
import java.util.Collection;

/**
 * Puts the template and events into a real engine the way the shipper will (template, then {@code _bulk} with
 * {@code index} operations), for tests. Each test class uses its own prefix so classes sharing a node do not meet.
 */
final class EventIndex {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EngineHttp http;
    private final IndexNaming naming;

    EventIndex(LocalEngine engine, IndexNaming naming) {
        this.http = engine.http();
        this.naming = naming;
    }

    IndexNaming naming() {
        return naming;
    }

    EngineHttp http() {
        return http;
    }

    void installTemplate() {
        ObjectNode template = IndexTemplate.build(naming);
        http.put("/_index_template/" + naming.templateName(), template.toString()).requireSuccess();
    }

    void deleteAll() {
        http.delete("/" + naming.indexPattern());
        http.delete("/_index_template/" + naming.templateName());
    }

    /** Bulk-indexes the events and fails on any per-item error, showing the engine's reason. */
    JsonNode index(Collection<BuildEvent> events) {
        StringBuilder ndjson = new StringBuilder();
        for (BuildEvent event : events) {
            ObjectNode action = JSON.createObjectNode();
            action.putObject("index").put("_index", event.index()).put("_id", event.id());
            ndjson.append(action).append('\n').append(event.json()).append('\n');
        }
        JsonNode response = http.bulk(ndjson.toString()).requireSuccess().json();
        if (response.path("errors").asBoolean()) {
            StringBuilder reasons = new StringBuilder();
            for (JsonNode item : response.path("items")) {
                JsonNode error = item.path("index").path("error");
                if (!error.isMissingNode()) {
                    reasons.append(item.path("index").path("_id").asText()).append(": ").append(error).append('\n');
                }
            }
            throw new AssertionError("Bulk request had rejected documents:\n" + reasons);
        }
        assertThat(response.path("items")).hasSize(events.size());
        http.refresh(naming.indexPattern()).requireSuccess();
        return response;
    }

    long count() {
        return http.get("/" + naming.readAlias() + "/_count").requireSuccess().json().path("count").asLong();
    }

    /** A size-0 search over the read alias; returns the {@code aggregations} object. */
    JsonNode aggregate(String body) {
        return http.post("/" + naming.readAlias() + "/_search?size=0", body).requireSuccess().json()
                .path("aggregations");
    }
}
