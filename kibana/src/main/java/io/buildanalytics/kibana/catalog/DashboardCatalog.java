package io.buildanalytics.kibana.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboards and their panels, read from this module's resources: {@code dashboards.json} (layout) and one
 * {@code panels/<id>.json} per panel. Everything else (the two bundles, the preview, the tests) is derived from
 * these files.
 */
public final class DashboardCatalog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "/io/buildanalytics/kibana/";

    private final List<Dashboard> dashboards;
    private final Map<String, Panel> panels;

    private DashboardCatalog(List<Dashboard> dashboards, Map<String, Panel> panels) {
        this.dashboards = List.copyOf(dashboards);
        this.panels = Collections.unmodifiableMap(panels);
    }

    /** Reads the catalog shipped in this jar; fails naming the file when one is missing or malformed. */
    public static DashboardCatalog load() {
        List<Dashboard> dashboards = new ArrayList<>();
        Map<String, Panel> panels = new LinkedHashMap<>();
        for (JsonNode entry : read("dashboards.json")) {
            List<Placement> placements = new ArrayList<>();
            for (JsonNode placed : entry.path("panels")) {
                String panelId = placed.path("panel").asText();
                panels.computeIfAbsent(panelId, id -> Panel.read(id, read("panels/" + id + ".json")));
                placements.add(new Placement(panelId, placed.path("x").asInt(), placed.path("y").asInt(),
                        placed.path("w").asInt(), placed.path("h").asInt()));
            }
            dashboards.add(new Dashboard(entry.path("id").asText(), entry.path("title").asText(),
                    entry.path("description").asText(""), placements));
        }
        return new DashboardCatalog(dashboards, panels);
    }

    public List<Dashboard> dashboards() {
        return dashboards;
    }

    public Collection<Panel> panels() {
        return panels.values();
    }

    public Panel panel(String id) {
        Panel panel = panels.get(id);
        if (panel == null) {
            throw new IllegalArgumentException("No panel '" + id + "'");
        }
        return panel;
    }

    private static JsonNode read(String name) {
        try (InputStream in = DashboardCatalog.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + BASE + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + BASE + name + ": " + e.getMessage(), e);
        }
    }
}
