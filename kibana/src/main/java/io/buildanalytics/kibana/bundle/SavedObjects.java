package io.buildanalytics.kibana.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildanalytics.kibana.catalog.Dashboard;
import io.buildanalytics.kibana.catalog.Panel;
import io.buildanalytics.kibana.catalog.Placement;
import java.util.List;

/**
 * The saved objects, in the shape both products import: the Kibana 7.10 form OpenSearch Dashboards 2.x was forked
 * from, which Kibana 8 and 9 migrate on import. No {@code migrationVersion}, {@code coreMigrationVersion},
 * {@code typeMigrationVersion}, {@code managed} or {@code updated_at}: without them each product runs its own
 * migrations from the start, while a version newer than it knows would make OpenSearch Dashboards refuse the
 * object.
 */
final class SavedObjects {

    static final String ID_PREFIX = "build-analytics-";
    static final String DATA_VIEW_ID = ID_PREFIX + "events";
    static final String DATA_VIEW_TITLE = "cicd-events*";
    /** Panel entries carry the version of the shape they are written in; both products migrate from it. */
    static final String PANEL_SHAPE_VERSION = "7.10.0";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EMPTY_SEARCH = "{\"query\":{\"query\":\"\",\"language\":\"kuery\"},\"filter\":[]}";
    private static final List<String> DURATION_FIELDS = List.of("event.duration", "ci.pipeline.run.queue.duration",
            "ci.pipeline.run.recovery_time", "dora.recovery_time", "dora.changes.lead_time");

    private SavedObjects() {
    }

    static ObjectNode dataView(Flavor flavor) {
        ObjectNode object = object("index-pattern", DATA_VIEW_ID);
        ObjectNode attributes = object.putObject("attributes");
        attributes.put("title", DATA_VIEW_TITLE);
        attributes.put("timeFieldName", "@timestamp");
        if (flavor == Flavor.KIBANA) {
            attributes.put("name", "Build Analytics events");
        }
        // Nanosecond durations shown as durations; humanizePrecise is Kibana 7.13+, OpenSearch Dashboards has humanize.
        ObjectNode formats = JSON.createObjectNode();
        for (String field : DURATION_FIELDS) {
            ObjectNode params = formats.putObject(field).put("id", "duration").putObject("params");
            params.put("inputFormat", "nanoseconds");
            params.put("outputFormat", flavor == Flavor.KIBANA ? "humanizePrecise" : "humanize");
            params.put("outputPrecision", 1);
        }
        attributes.put("fieldFormatMap", formats.toString());
        object.putArray("references");
        return object;
    }

    static ObjectNode vega(Panel panel) {
        ObjectNode visState = JSON.createObjectNode();
        visState.put("title", panel.title());
        visState.put("type", "vega");
        visState.putArray("aggs");
        visState.putObject("params").put("spec", pretty(panel.vegaLiteSpec()));
        return visualization(panel, visState);
    }

    static ObjectNode markdown(Panel panel) {
        ObjectNode visState = JSON.createObjectNode();
        visState.put("title", panel.title());
        visState.put("type", "markdown");
        visState.putArray("aggs");
        visState.putObject("params").put("markdown", panel.markdown()).put("fontSize", 12)
                .put("openLinksInNewTab", false);
        return visualization(panel, visState);
    }

    static ObjectNode search(Panel panel) {
        ObjectNode object = object("search", ID_PREFIX + panel.id());
        ObjectNode attributes = object.putObject("attributes");
        attributes.put("title", panel.title());
        attributes.put("description", panel.description());
        attributes.put("hits", 0);
        ArrayNode columns = attributes.putArray("columns");
        panel.searchColumns().forEach(columns::add);
        attributes.putArray("sort").addArray().add("@timestamp").add("desc");
        attributes.put("version", 1);
        ObjectNode source = JSON.createObjectNode();
        source.putObject("query").put("query", panel.searchQuery()).put("language", "kuery");
        source.putArray("filter");
        source.put("highlightAll", true);
        source.put("version", true);
        source.put("indexRefName", "kibanaSavedObjectMeta.searchSourceJSON.index");
        attributes.putObject("kibanaSavedObjectMeta").put("searchSourceJSON", source.toString());
        object.putArray("references").addObject().put("name", "kibanaSavedObjectMeta.searchSourceJSON.index")
                .put("type", "index-pattern").put("id", DATA_VIEW_ID);
        return object;
    }

    static ObjectNode dashboard(Dashboard dashboard, Flavor flavor, java.util.function.Function<String, Panel> panels) {
        ObjectNode object = object("dashboard", ID_PREFIX + dashboard.id());
        ObjectNode attributes = object.putObject("attributes");
        attributes.put("title", dashboard.title());
        attributes.put("description", dashboard.description());
        attributes.put("hits", 0);
        attributes.put("version", 1);
        attributes.put("timeRestore", true);
        attributes.put("timeFrom", "now-90d");
        attributes.put("timeTo", "now");
        attributes.putObject("refreshInterval").put("pause", true).put("value", 0);
        ObjectNode options = JSON.createObjectNode().put("useMargins", true).put("hidePanelTitles", false);
        if (flavor == Flavor.KIBANA) {
            options.put("syncColors", true).put("syncTooltips", false);
        }
        attributes.put("optionsJSON", options.toString());
        ArrayNode panelsJson = JSON.createArrayNode();
        ArrayNode references = object.putArray("references");
        List<Placement> placements = dashboard.placements();
        for (int i = 0; i < placements.size(); i++) {
            Placement placement = placements.get(i);
            Panel panel = panels.apply(placement.panelId());
            String panelIndex = String.valueOf(i + 1);
            ObjectNode entry = panelsJson.addObject();
            entry.put("version", PANEL_SHAPE_VERSION);
            entry.putObject("gridData").put("x", placement.x()).put("y", placement.y()).put("w", placement.w())
                    .put("h", placement.h()).put("i", panelIndex);
            entry.put("panelIndex", panelIndex);
            entry.putObject("embeddableConfig");
            entry.put("panelRefName", "panel_" + i);
            references.addObject().put("name", "panel_" + i)
                    .put("type", panel.type() == io.buildanalytics.kibana.catalog.PanelType.SEARCH ? "search"
                            : "visualization")
                    .put("id", ID_PREFIX + panel.id());
        }
        attributes.put("panelsJSON", panelsJson.toString());
        attributes.putObject("kibanaSavedObjectMeta").put("searchSourceJSON", EMPTY_SEARCH);
        return object;
    }

    private static ObjectNode visualization(Panel panel, ObjectNode visState) {
        ObjectNode object = object("visualization", ID_PREFIX + panel.id());
        ObjectNode attributes = object.putObject("attributes");
        attributes.put("title", panel.title());
        attributes.put("description", panel.description());
        attributes.put("version", 1);
        attributes.put("uiStateJSON", "{}");
        attributes.put("visState", visState.toString());
        attributes.putObject("kibanaSavedObjectMeta").put("searchSourceJSON", EMPTY_SEARCH);
        // The Vega spec names its index itself, so a Vega visualization references no data view.
        object.putArray("references");
        return object;
    }

    private static ObjectNode object(String type, String id) {
        ObjectNode object = JSON.createObjectNode();
        object.put("id", id);
        object.put("type", type);
        return object;
    }

    private static String pretty(JsonNode spec) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a Vega-Lite spec", e);
        }
    }
}
