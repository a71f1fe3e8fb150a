package io.buildanalytics.kibana.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildanalytics.kibana.query.DashboardContext;
import io.buildanalytics.kibana.query.PanelData;
import io.buildanalytics.kibana.query.ResolvedQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The panel files themselves: every panel is used, every Vega panel follows the dashboard's time range and filter
 * bar, uses only plain aggregations (no scripts: they must run on a minimal Elasticsearch and on OpenSearch), and
 * names only fields the index template maps.
 */
class DashboardCatalogTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PANEL_FILES = Path.of("src/main/resources/io/buildanalytics/kibana/panels");
    private static final Set<String> PLAIN_AGGREGATIONS = Set.of("filter", "terms", "date_histogram", "range",
            "percentiles", "cardinality", "value_count", "sum", "avg", "max", "min");
    private static final DashboardCatalog CATALOG = DashboardCatalog.load();

    /** A context whose every clause is recognisable, to see where a panel puts it. */
    private static final DashboardContext SENTINEL = new DashboardContext(Instant.parse("2026-01-01T00:00:00Z"),
            Instant.parse("2026-02-01T00:00:00Z"), List.of(phrase("must.sentinel")), List.of(phrase("filter.sentinel")),
            List.of(phrase("must_not.sentinel")));

    private static JsonNode phrase(String marker) {
        ObjectNode node = JSON.createObjectNode();
        node.putObject("match_phrase").put("observer.name", marker);
        return node;
    }

    private static Stream<Panel> vegaPanels() {
        return CATALOG.panels().stream().filter(panel -> panel.type() == PanelType.VEGA);
    }

    @Test
    void everyPanelFileIsOnADashboardAndTheSixDashboardsAreThere() throws IOException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> list = Files.list(PANEL_FILES)) {
            list.forEach(file -> files.add(file.getFileName().toString().replace(".json", "")));
        }
        Set<String> used = new TreeSet<>();
        CATALOG.panels().forEach(panel -> used.add(panel.id()));
        assertThat(used).isEqualTo(files);
        assertThat(CATALOG.dashboards()).extracting(Dashboard::id).containsExactly("overview",
                "deployment-frequency", "build-failure-rate", "lead-time", "change-failure", "build-health");
        // Each dashboard has a data-view panel: without one, a dashboard of Vega panels offers no fields to filter on.
        for (Dashboard dashboard : CATALOG.dashboards()) {
            assertThat(dashboard.placements()).as(dashboard.id())
                    .anyMatch(p -> CATALOG.panel(p.panelId()).type() == PanelType.SEARCH);
        }
    }

    @Test
    void everyVegaPanelIsVegaLiteFiveOverTheEventIndices() {
        vegaPanels().forEach(panel -> {
            ObjectNode spec = panel.vegaLiteSpec();
            assertThat(spec.path("$schema").asText()).as(panel.id())
                    .isEqualTo("https://vega.github.io/schema/vega-lite/v5.json");
            assertThat(spec.at("/data/url/index").asText()).as(panel.id()).isEqualTo("cicd-events*");
            assertThat(spec.at("/data/format/property").asText()).as(panel.id()).startsWith("aggregations");
        });
    }

    @Test
    void everyVegaPanelFollowsTheTimePickerAndEveryPartOfTheFilterBar() {
        vegaPanels().forEach(panel -> {
            ResolvedQuery query = PanelData.query(panel, SENTINEL);
            JsonNode bool = query.body().path("query").path("bool");
            assertThat(bool.path("must").toString()).as(panel.id()).contains("must.sentinel");
            assertThat(bool.path("filter").toString()).as(panel.id()).contains("filter.sentinel")
                    .contains("{\"range\":{\"@timestamp\":{\"gte\":\"2026-01-01T00:00:00.000Z\","
                            + "\"lte\":\"2026-02-01T00:00:00.000Z\",\"format\":\"strict_date_optional_time\"}}}");
            assertThat(bool.path("must_not").toString()).as(panel.id()).contains("must_not.sentinel");
            assertThat(query.body().toString()).as(panel.id()).doesNotContain("%");
        });
    }

    @Test
    void panelsUseOnlyPlainAggregationsAndNoScripts() {
        TreeMap<String, Set<String>> offending = new TreeMap<>();
        vegaPanels().forEach(panel -> {
            ResolvedQuery query = PanelData.query(panel, SENTINEL);
            Set<String> types = new TreeSet<>(PanelQueries.aggregationTypes(query.body().path("aggs")));
            types.removeAll(PLAIN_AGGREGATIONS);
            if (!types.isEmpty() || PanelQueries.containsKey(query.body(), "script")) {
                offending.put(panel.id(), types);
            }
        });
        assertThat(offending).isEmpty();
    }

    @Test
    void panelsNameOnlyFieldsTheTemplateMaps() {
        Set<String> mapped = PanelQueries.templateFields();
        TreeMap<String, Set<String>> unknown = new TreeMap<>();
        vegaPanels().forEach(panel -> {
            Set<String> fields = PanelQueries.fieldsOf(PanelData.query(panel, SENTINEL).body());
            fields.removeAll(mapped);
            fields.remove("observer.name"); // the sentinel filters' field, checked below with the rest
            if (!fields.isEmpty()) {
                unknown.put(panel.id(), fields);
            }
        });
        assertThat(unknown).isEmpty();
        assertThat(mapped).contains("observer.name", "dora.changes.lead_time", "cicd.pipeline.name");
        CATALOG.panels().stream().filter(panel -> panel.type() == PanelType.SEARCH)
                .forEach(panel -> assertThat(mapped).as(panel.id()).containsAll(panel.searchColumns()));
    }

    @Test
    void theFieldCheckSeesAFieldTheTemplateDoesNotMap() throws IOException {
        ObjectNode file = (ObjectNode) JSON.readTree("""
                {"title":"Broken","type":"vega","spec":{"data":{"url":{"index":"cicd-events*","body":{"query":
                 {"bool":{"filter":[{"term":{"cicd.pipeline.reslut":"failure"}}]}},
                 "aggs":{"x":{"terms":{"field":"service.nmae"}}}}}}}}""");
        Panel broken = Panel.read("broken", file);
        Set<String> fields = PanelQueries.fieldsOf(PanelData.query(broken, SENTINEL).body());
        fields.removeAll(PanelQueries.templateFields());
        assertThat(fields).containsExactly("cicd.pipeline.reslut", "service.nmae");
    }

    @Test
    void aPanelFileWithoutTitleOrWithAnUnknownTypeIsRefusedByName() throws IOException {
        assertThatThrownBy(() -> Panel.read("nameless", JSON.readTree("{\"type\":\"vega\"}")))
                .hasMessage("Panel nameless has no 'title'");
        assertThatThrownBy(() -> Panel.read("lens", JSON.readTree("{\"title\":\"x\",\"type\":\"lens\"}")))
                .hasMessage("Unknown panel type 'lens': use vega, markdown or search");
        assertThatThrownBy(() -> new Dashboard("d", "D", "", List.of(new Placement("a", 0, 0, 24, 5),
                new Placement("b", 20, 4, 10, 5)))).hasMessage("Dashboard d: panels a and b overlap");
        assertThatThrownBy(() -> new Placement("wide", 40, 0, 10, 5))
                .hasMessageContaining("does not fit the 48-column grid");
    }
}
