package io.buildanalytics.kibana.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildanalytics.kibana.catalog.Dashboard;
import io.buildanalytics.kibana.catalog.DashboardCatalog;
import io.buildanalytics.kibana.catalog.Panel;
import io.buildanalytics.kibana.catalog.PanelType;
import io.buildanalytics.kibana.catalog.Placement;
import io.buildanalytics.kibana.query.DashboardContext;
import io.buildanalytics.kibana.query.EngineSearch;
import io.buildanalytics.kibana.query.PanelData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboards without Kibana: every Vega panel's query runs against the engine with the dashboard context, the
 * real Vega-Lite and Vega render it, and the result is written as {@code panels/<id>.png|svg}, one
 * {@code <dashboard>.html} and {@code <dashboard>.png} per dashboard, and {@code index.html}.
 */
public final class DashboardPreview {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int COLUMN_PIXELS = 30;
    private static final int ROW_PIXELS = 20;
    private static final int TITLE_PIXELS = 26;

    private final DashboardCatalog catalog;
    private final NodeRenderer renderer;

    public DashboardPreview(DashboardCatalog catalog, NodeRenderer renderer) {
        this.catalog = catalog;
        this.renderer = renderer;
    }

    /**
     * Renders every dashboard into {@code outDirectory}.
     *
     * @param caption one line shown on every page, e.g. which engine and time range the numbers come from
     * @return what each Vega panel shows, by panel id
     */
    public Map<String, RenderedPanel> write(EngineSearch engine, DashboardContext context, Path outDirectory,
                                            String caption) {
        ObjectNode job = JSON.createObjectNode();
        job.put("outDir", outDirectory.toAbsolutePath().toString());
        job.put("caption", caption);
        ArrayNode panels = job.putArray("panels");
        ArrayNode dashboards = job.putArray("dashboards");
        Map<String, Placement> firstPlacement = new LinkedHashMap<>();
        for (Dashboard dashboard : catalog.dashboards()) {
            ObjectNode page = dashboards.addObject().put("id", dashboard.id()).put("title", dashboard.title())
                    .put("description", dashboard.description());
            ArrayNode placed = page.putArray("panels");
            for (Placement placement : dashboard.placements()) {
                Panel panel = catalog.panel(placement.panelId());
                ObjectNode entry = placed.addObject().put("id", panel.id()).put("title", panel.title())
                        .put("type", panel.type().name()).put("x", placement.x()).put("y", placement.y())
                        .put("w", placement.w()).put("h", placement.h());
                if (panel.type() == PanelType.MARKDOWN) {
                    entry.put("markdown", panel.markdown());
                } else if (panel.type() == PanelType.SEARCH) {
                    ArrayNode columns = entry.putArray("columns");
                    panel.searchColumns().forEach(columns::add);
                }
                if (panel.type() == PanelType.VEGA) {
                    firstPlacement.putIfAbsent(panel.id(), placement);
                }
            }
        }
        for (Map.Entry<String, Placement> entry : firstPlacement.entrySet()) {
            Placement placement = entry.getValue();
            panels.addObject().put("id", entry.getKey())
                    .put("width", placement.w() * COLUMN_PIXELS - 16)
                    .put("height", placement.h() * ROW_PIXELS - TITLE_PIXELS - 12)
                    .set("spec", PanelData.fill(catalog.panel(entry.getKey()), context, engine));
        }
        try {
            Files.createDirectories(outDirectory);
            Path jobFile = outDirectory.resolve("preview-job.json");
            JSON.writerWithDefaultPrettyPrinter().writeValue(jobFile.toFile(), job);
            renderer.prepare();
            renderer.render(jobFile);
            Map<String, RenderedPanel> rendered = new LinkedHashMap<>();
            for (String id : firstPlacement.keySet()) {
                JsonNode report = JSON.readTree(outDirectory.resolve("panels").resolve(id + ".marks.json").toFile());
                List<String> warnings = new ArrayList<>();
                report.path("warnings").forEach(warning -> warnings.add(warning.asText()));
                rendered.put(id, new RenderedPanel(id, report.path("marks"), warnings));
            }
            return rendered;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the preview into " + outDirectory + ": " + e.getMessage(), e);
        }
    }
}
