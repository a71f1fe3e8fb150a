package io.buildanalytics.bench.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import io.buildanalytics.bench.Scale;
import io.buildanalytics.bench.data.BenchHistory;
import io.buildanalytics.bench.engine.BenchEngine;
import io.buildanalytics.bench.report.Measurement;
import io.buildanalytics.bench.report.Percentiles;
import io.buildanalytics.bench.report.Section;
import io.buildanalytics.bench.report.Unit;
import io.buildanalytics.kibana.catalog.Dashboard;
import io.buildanalytics.kibana.catalog.DashboardCatalog;
import io.buildanalytics.kibana.catalog.Panel;
import io.buildanalytics.kibana.catalog.PanelType;
import io.buildanalytics.kibana.catalog.Placement;
import io.buildanalytics.kibana.query.DashboardContext;
import io.buildanalytics.kibana.query.HttpEngineSearch;
import io.buildanalytics.kibana.query.PanelData;
import io.buildanalytics.kibana.query.ResolvedQuery;
import io.buildanalytics.model.schema.IndexNaming;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Every dashboard panel's query, resolved exactly as Kibana resolves it for a 90-day time range with an empty
 * filter bar, run against the dashboards' indices holding the organisation's events; latency as the client sees
 * it, with the engine's own {@code took} beside it.
 */
public final class PanelLatency {

    public static final String TITLE = "Dashboard panels: query latency";
    private static final long TARGET_P50_MILLIS = 500;

    private final BenchEngine engine;
    private final Scale scale;

    public PanelLatency(BenchEngine engine, Scale scale) {
        this.engine = engine;
        this.scale = scale;
    }

    public Section measure() {
        int teams = DashboardDataset.load(engine, scale.dashboardEvents());
        String pattern = IndexNaming.defaults().indexPattern();
        engine.disableRequestCache(pattern);
        engine.flush(pattern);
        DashboardCatalog catalog = DashboardCatalog.load();
        DashboardContext context = DashboardContext.between(BenchHistory.from(), BenchHistory.to());
        HttpEngineSearch search = new HttpEngineSearch(engine.baseUri());
        List<Measurement> rows = new ArrayList<>();
        for (Panel panel : queriedPanels(catalog)) {
            ResolvedQuery query = panel.type() == PanelType.VEGA ? PanelData.query(panel, context)
                    : new ResolvedQuery(pattern, SavedSearchQuery.body(panel, context.from(), context.to()));
            rows.addAll(time(panel, query, search));
        }
        return new Section(TITLE, String.format(Locale.ROOT, "%s events (%d teams × 25 pipelines, 90 days) in "
                + "`cicd-events-*`, loaded with `_bulk`, flushed, shard request cache off so that every run searches "
                + "(a dashboard's first load after new events). Each panel's query resolved for the whole 90 days "
                + "with an empty filter bar (`%%timefilter%%`, `%%context%%` as Kibana fills them), %d untimed and "
                + "%d timed runs one after another; latency measured by the client (JDK HTTP client, JSON parsed), "
                + "`took` as the engine reports it. Saved searches are modelled on Discover's request (newest %d "
                + "rows). Kibana's own overhead is not included.", Unit.COUNT.format(scale.dashboardEvents()), teams,
                scale.panelWarmups(), scale.panelRuns(), SavedSearchQuery.ROWS), rows);
    }

    /** Panels with a query, in the order the dashboards show them, each once. */
    private static List<Panel> queriedPanels(DashboardCatalog catalog) {
        Set<String> seen = new LinkedHashSet<>();
        List<Panel> panels = new ArrayList<>();
        for (Dashboard dashboard : catalog.dashboards()) {
            for (Placement placement : dashboard.placements()) {
                Panel panel = catalog.panel(placement.panelId());
                if (panel.type() != PanelType.MARKDOWN && seen.add(panel.id())) {
                    panels.add(panel);
                }
            }
        }
        return panels;
    }

    private List<Measurement> time(Panel panel, ResolvedQuery query, HttpEngineSearch search) {
        for (int i = 0; i < scale.panelWarmups(); i++) {
            answer(search, query, panel);
        }
        long[] wall = new long[scale.panelRuns()];
        long[] took = new long[scale.panelRuns()];
        for (int i = 0; i < wall.length; i++) {
            long start = System.nanoTime();
            JsonNode answer = answer(search, query, panel);
            wall[i] = System.nanoTime() - start;
            took[i] = answer.path("took").asLong();
        }
        Percentiles client = Percentiles.of(wall);
        double p50 = client.at(50) / 1e6;
        String subject = panel.title() + " (`" + panel.id() + "`)";
        return List.of(
                Measurement.of(TITLE, subject, "p50", p50, Unit.MILLISECONDS)
                        .against("< " + TARGET_P50_MILLIS + " ms", p50 < TARGET_P50_MILLIS),
                Measurement.of(TITLE, subject, "p95", client.at(95) / 1e6, Unit.MILLISECONDS),
                Measurement.of(TITLE, subject, "engine `took` p50", Percentiles.of(took).at(50), Unit.MILLISECONDS));
    }

    private static JsonNode answer(HttpEngineSearch search, ResolvedQuery query, Panel panel) {
        JsonNode answer = search.search(query.index(), query.body());
        if (answer.path("timed_out").asBoolean(false) || answer.path("_shards").path("failed").asInt(0) > 0) {
            throw new IllegalStateException("The query of panel " + panel.id() + " failed on the engine: " + answer);
        }
        return answer;
    }
}
