package io.buildanalytics.kibana.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildanalytics.kibana.catalog.Panel;

/**
 * Fetches a Vega panel's data the way Kibana does: resolve {@code data.url} against the dashboard context, run the
 * search, and hand the raw response to Vega as the data's values (its {@code format.property} then picks the
 * buckets). The result is a self-contained Vega-Lite spec any Vega-Lite 5 renderer can draw.
 */
public final class PanelData {

    private PanelData() {
    }

    public static ObjectNode fill(Panel panel, DashboardContext context, EngineSearch engine) {
        ObjectNode spec = panel.vegaLiteSpec();
        JsonNode data = spec.path("data");
        if (!(data instanceof ObjectNode dataObject) || !dataObject.path("url").isObject()) {
            throw new IllegalArgumentException("Panel " + panel.id() + " has no engine query in data.url");
        }
        ResolvedQuery query = VegaQueryResolver.resolve(dataObject.get("url"), context);
        dataObject.remove("url");
        dataObject.set("values", engine.search(query.index(), query.body()));
        return spec;
    }

    /** The request the panel sends for this context, without running it. */
    public static ResolvedQuery query(Panel panel, DashboardContext context) {
        return VegaQueryResolver.resolve(panel.vegaLiteSpec().path("data").path("url"), context);
    }
}
