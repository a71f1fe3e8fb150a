package io.buildanalytics.shipper;

import com.fasterxml.jackson.databind.JsonNode;
import io.buildanalytics.localengine.EngineHttp;
import io.buildanalytics.localengine.LocalEngine;
import io.buildanalytics.model.schema.IndexNaming;
import java.util.ArrayList;
import java.util.List;

/** Reads back what the shipper wrote, straight from the engine's REST API (not through the code under test). */
final class EngineDocuments {

    private final EngineHttp http;
    private final IndexNaming naming;

    EngineDocuments(LocalEngine engine, IndexNaming naming) {
        this.http = engine.http();
        this.naming = naming;
    }

    /** The prefix's indices and template, removed first: tests share one node and may run again. */
    static EngineDocuments emptied(LocalEngine engine, IndexNaming naming) {
        EngineDocuments documents = new EngineDocuments(engine, naming);
        documents.deleteAll();
        return documents;
    }

    /** Document count over the prefix's indices, after a refresh. */
    long count() {
        http.refresh(naming.indexPattern());
        JsonNode answer = http.get("/" + naming.indexPattern() + "/_count?allow_no_indices=true").json();
        return answer.path("count").asLong();
    }

    /** Every document id (at most 10 000), with duplicates if the engine held any. */
    List<String> ids() {
        http.refresh(naming.indexPattern());
        JsonNode hits = http.get("/" + naming.indexPattern() + "/_search?size=10000&_source=false&allow_no_indices=true")
                .requireSuccess().json().path("hits").path("hits");
        List<String> ids = new ArrayList<>();
        hits.forEach(hit -> ids.add(hit.path("_id").asText()));
        return ids;
    }

    JsonNode document(String index, String id) {
        return http.get("/" + index + "/_doc/" + id).requireSuccess().json().path("_source");
    }

    JsonNode template() {
        return http.get("/_index_template/" + naming.templateName()).requireSuccess().json()
                .path("index_templates").path(0).path("index_template");
    }

    void deleteAll() {
        http.delete("/" + naming.indexPattern());
        http.delete("/_index_template/" + naming.templateName());
    }
}
