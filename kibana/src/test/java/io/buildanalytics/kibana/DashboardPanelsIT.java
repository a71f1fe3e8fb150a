package io.buildanalytics.kibana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.buildanalytics.kibana.catalog.DashboardCatalog;
import io.buildanalytics.kibana.preview.DashboardPreview;
import io.buildanalytics.kibana.preview.NodeRenderer;
import io.buildanalytics.kibana.preview.RenderedPanel;
import io.buildanalytics.kibana.query.DashboardContext;
import io.buildanalytics.kibana.query.HttpEngineSearch;
import io.buildanalytics.localengine.EngineKind;
import io.buildanalytics.localengine.LocalEngine;
import io.buildanalytics.localengine.LocalEngineExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every dashboard panel, as a person would see it: {@link KnownHistory} goes through the shipper into a real
 * engine, each panel's query runs with the dashboard's time range (and, for the CI-server checks, a filter bar
 * entry) put in the way Kibana does, the real Vega-Lite and Vega render the answer, and the assertions read the
 * texts and data of the rendered marks. The expected numbers are the hand-worked ones in {@link KnownHistory}.
 * The Elasticsearch run's pictures are kept in {@code target/preview} for people to look at.
 */
class DashboardPanelsIT {

    @RegisterExtension
    static final LocalEngineExtension ENGINES = new LocalEngineExtension();

    private static final Map<EngineKind, Map<String, RenderedPanel>> ALL = new EnumMap<>(EngineKind.class);
    private static final Map<EngineKind, Map<String, RenderedPanel>> TEAMCITY_ONLY = new EnumMap<>(EngineKind.class);
    private static final String JENKINS = "jenkins-main";
    private static final String TEAMCITY = "teamcity-main";

    private static synchronized Map<String, RenderedPanel> rendered(EngineKind kind, boolean teamCityOnly)
            throws Exception {
        if (!ALL.containsKey(kind)) {
            LocalEngine engine = ENGINES.get(kind);
            ShippedHistory.ship(engine, Files.createTempDirectory("shipper"));
            DashboardPreview preview = new DashboardPreview(DashboardCatalog.load(),
                    new NodeRenderer(Path.of("target", "renderer")));
            DashboardContext range = DashboardContext.between(KnownHistory.FROM, KnownHistory.TO);
            HttpEngineSearch search = new HttpEngineSearch(engine.baseUri());
            String where = kind == EngineKind.ELASTICSEARCH ? "preview" : "preview-opensearch";
            String caption = "Rendered from the test history (2 to 22 March 2026) in " + (kind == EngineKind.ELASTICSEARCH ? "Elasticsearch" : "OpenSearch")
                    + " " + engine.version() + ".";
            ALL.put(kind, preview.write(search, range, Path.of("target", where), caption));
            TEAMCITY_ONLY.put(kind, preview.write(search, range.withPhrase("observer.name", TEAMCITY),
                    Path.of("target", where + "-teamcity"), caption + " Filter: observer.name is " + TEAMCITY + "."));
        }
        return teamCityOnly ? TEAMCITY_ONLY.get(kind) : ALL.get(kind);
    }

    private static RenderedPanel panel(EngineKind kind, String id) throws Exception {
        return rendered(kind, false).get(id);
    }

    private static RenderedPanel teamCityPanel(EngineKind kind, String id) throws Exception {
        return rendered(kind, true).get(id);
    }

    /** The single text each named layer of a tile shows, in the order asked. */
    private static List<String> shows(RenderedPanel panel, String... layers) {
        return java.util.Arrays.stream(layers).map(panel::text).toList();
    }

    /** Maps each item of a layer to "key fields" → value, for comparing whole tables. */
    private static Map<String, Object> table(RenderedPanel panel, String layer, Function<JsonNode, String> key,
                                             Function<JsonNode, Object> value) {
        return panel.data(layer).stream().collect(Collectors.toMap(key, value, (a, b) -> {
            throw new AssertionError("Two items for one key in " + panel.id() + ": " + a + ", " + b);
        }));
    }

    /** The UTC day of a time bucket; aggregated marks carry it as the time unit's field instead of the key. */
    private static String day(JsonNode datum) {
        JsonNode unit = datum.path("utcyearmonthdate_key");
        return unit.isTextual() ? unit.asText().substring(0, 10)
                : Instant.ofEpochMilli(datum.path("key").asLong()).toString().substring(0, 10);
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void everyPanelRendersWithoutWarnings(EngineKind kind) throws Exception {
        Map<String, RenderedPanel> panels = rendered(kind, false);
        assertThat(panels).hasSize((int) DashboardCatalog.load().panels().stream()
                .filter(p -> p.type() == io.buildanalytics.kibana.catalog.PanelType.VEGA).count());
        Map<String, List<String>> warnings = new HashMap<>();
        panels.values().stream().filter(p -> !p.warnings().isEmpty()).forEach(p -> warnings.put(p.id(), p.warnings()));
        assertThat(warnings).isEmpty();
        assertThat(Path.of("target", kind == EngineKind.ELASTICSEARCH ? "preview" : "preview-opensearch",
                "overview.png")).isNotEmptyFile();
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void overviewShowsTheDoraFourAndTheFailureRate(EngineKind kind) throws Exception {
        assertThat(shows(panel(kind, "kpi-deployment-frequency"), "headline", "detail", "band")).containsExactly(
                "5.0 days / week", "14 deployments · median of 3 whole weeks", "Elite (DORA 2023 bands)");
        assertThat(shows(panel(kind, "kpi-lead-time"), "headline", "detail", "band")).containsExactly(
                "4.0 h", "median · p90 24.0 h · 15 commits", "Elite (DORA 2023 bands)");
        assertThat(shows(panel(kind, "kpi-change-failure-rate"), "headline", "detail", "band", "note")).containsExactly(
                "14.3%", "2 of 14 deployments rolled back", "Medium (DORA 2023 bands)", "CI-derived: rollbacks only");
        assertThat(shows(panel(kind, "kpi-recovery-time"), "headline", "detail", "band", "note")).containsExactly(
                "34.0 h", "median of 2 rollbacks", "Medium (DORA 2023 bands)", "CI-derived: rollbacks only");
        assertThat(shows(panel(kind, "kpi-build-failure-rate"), "headline", "detail")).containsExactly(
                "20.8%", "10 of 48 runs failed");
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void jenkinsAndTeamCitySitSideBySide(EngineKind kind) throws Exception {
        assertThat(table(panel(kind, "servers-side-by-side"), "cells",
                d -> d.path("CI server").asText() + " / " + d.path("measure").asText(), d -> d.path("value").asText()))
                .containsOnly(
                        entry(JENKINS + " / Deployments", "8 (2.7 / week)"),
                        entry(JENKINS + " / Build failure rate", "25.0%"),
                        entry(JENKINS + " / Lead time p50", "4.0 h"),
                        entry(JENKINS + " / Change failure rate", "12.5%"),
                        entry(JENKINS + " / Recovery p50", "20.0 h"),
                        entry(TEAMCITY + " / Deployments", "6 (2.0 / week)"),
                        entry(TEAMCITY + " / Build failure rate", "12.5%"),
                        entry(TEAMCITY + " / Lead time p50", "6.0 h"),
                        entry(TEAMCITY + " / Change failure rate", "16.7%"),
                        entry(TEAMCITY + " / Recovery p50", "48.0 h"));
        assertThat(table(panel(kind, "deployments-weekly-by-server"), "bars",
                d -> day(d) + " " + d.path("CI server").asText(), d -> d.path("count").asLong()))
                .containsOnly(entry("2026-03-02 " + JENKINS, 2L), entry("2026-03-02 " + TEAMCITY, 2L),
                        entry("2026-03-09 " + JENKINS, 4L), entry("2026-03-09 " + TEAMCITY, 1L),
                        entry("2026-03-16 " + JENKINS, 2L), entry("2026-03-16 " + TEAMCITY, 3L));
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void aFilterOnTheCiServerNarrowsEveryOverviewNumber(EngineKind kind) throws Exception {
        RenderedPanel frequency = teamCityPanel(kind, "kpi-deployment-frequency");
        assertThat(frequency.text("headline")).isEqualTo("2.0 days / week");
        assertThat(frequency.text("detail")).isEqualTo("6 deployments · median of 3 whole weeks");
        assertThat(frequency.text("band")).isEqualTo("High (DORA 2023 bands)");
        assertThat(teamCityPanel(kind, "kpi-lead-time").text("headline")).isEqualTo("6.0 h");
        assertThat(teamCityPanel(kind, "kpi-lead-time").text("detail"))
                .isEqualTo("median · p90 24.0 h · 5 commits");
        assertThat(teamCityPanel(kind, "kpi-change-failure-rate").text("headline")).isEqualTo("16.7%");
        assertThat(teamCityPanel(kind, "kpi-change-failure-rate").text("band")).isEqualTo("Low (DORA 2023 bands)");
        assertThat(teamCityPanel(kind, "kpi-recovery-time").text("headline")).isEqualTo("48.0 h");
        assertThat(teamCityPanel(kind, "kpi-recovery-time").text("detail")).isEqualTo("median of 1 rollback");
        assertThat(teamCityPanel(kind, "kpi-build-failure-rate").text("detail")).isEqualTo("2 of 16 runs failed");
        assertThat(teamCityPanel(kind, "servers-side-by-side").data("cells"))
                .allSatisfy(cell -> assertThat(cell.path("CI server").asText()).isEqualTo(TEAMCITY));
        assertThat(teamCityPanel(kind, "failure-rate-by-pipeline").texts("labels"))
                .containsExactlyInAnyOrder("20.0%  (2 of 10)", "0.0%  (0 of 6)");
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void deploymentFrequencyPerServiceEnvironmentDayAndWeek(EngineKind kind) throws Exception {
        assertThat(panel(kind, "deployment-frequency-by-service").texts("labels")).containsExactlyInAnyOrder(
                "2.0 days / week · High · 7 deployments", "2.0 days / week · High · 6 deployments",
                "0.0 days / week · Medium · 1 deployment");
        Map<String, Object> daily = table(panel(kind, "deployments-daily-by-server"), "bars",
                d -> day(d) + " " + d.path("CI server").asText(), d -> d.path("count").asLong());
        assertThat(daily).hasSize(14).containsEntry("2026-03-02 " + TEAMCITY, 1L)
                .containsEntry("2026-03-09 " + JENKINS, 1L).containsEntry("2026-03-13 " + JENKINS, 1L);
        assertThat(daily.values()).containsOnly(1L);
        assertThat(table(panel(kind, "deployments-weekly-by-service"), "lines",
                d -> d.path("service").asText() + " " + day(d), d -> d.path("deployments").asLong()))
                .containsOnly(entry("shop 2026-03-02", 2L), entry("shop 2026-03-09", 3L), entry("shop 2026-03-16", 2L),
                        entry("cart 2026-03-02", 2L), entry("cart 2026-03-09", 1L), entry("cart 2026-03-16", 3L),
                        entry("billing 2026-03-02", 0L), entry("billing 2026-03-09", 1L),
                        entry("billing 2026-03-16", 0L));
        assertThat(table(panel(kind, "deployments-by-service-environment"), "counts",
                d -> d.path("service").asText() + " " + d.path("environment").asText(), d -> d.path("deployments").asLong()))
                .containsOnly(entry("shop production", 7L), entry("shop staging", 2L), entry("cart production", 6L),
                        entry("billing production", 1L));
        assertThat(table(panel(kind, "deployment-outcomes-by-environment"), "bars",
                d -> d.path("environment").asText() + " " + d.path("outcome").asText(), d -> d.path("deployments").asLong()))
                .containsOnly(entry("production success", 14L), entry("production failure", 1L),
                        entry("staging success", 2L), entry("staging failure", 1L));
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void buildFailureRatePerServerProjectPipelineAndWeek(EngineKind kind) throws Exception {
        assertThat(panel(kind, "failure-rate-by-server").texts("labels"))
                .containsExactlyInAnyOrder("25.0%  (8 of 32)", "12.5%  (2 of 16)");
        assertThat(table(panel(kind, "failure-rate-by-project"), "labels", d -> d.path("name").asText(),
                d -> d.path("label").asText()))
                .containsOnly(entry("shop", "21.7%  (5 of 23)"), entry("billing", "33.3%  (3 of 9)"),
                        entry("Shop", "12.5%  (2 of 16)"));
        assertThat(table(panel(kind, "failure-rate-by-pipeline"), "labels", d -> d.path("name").asText(),
                d -> d.path("label").asText()))
                .containsOnly(entry("shop » build", "25.0%  (3 of 12)"), entry("billing » build", "37.5%  (3 of 8)"),
                        entry("shop » deploy-prod", "12.5%  (1 of 8)"), entry("shop » deploy-staging", "33.3%  (1 of 3)"),
                        entry("billing » deploy-prod", "0.0%  (0 of 1)"), entry("Shop :: Cart_Build", "20.0%  (2 of 10)"),
                        entry("Shop :: Cart_Deploy", "0.0%  (0 of 6)"));
        assertThat(table(panel(kind, "failure-causes"), "bars",
                d -> d.path("failure class").asText() + " " + d.path("CI server").asText(), d -> d.path("runs").asLong()))
                .containsOnly(entry("build_failure " + JENKINS, 6L), entry("build_failure " + TEAMCITY, 1L),
                        entry("test_failure " + JENKINS, 2L), entry("ci_error " + TEAMCITY, 1L));
        assertThat(table(panel(kind, "failure-rate-weekly-by-server"), "lines",
                d -> day(d) + " " + d.path("CI server").asText(), d -> d.path("failed").asLong() + "/" + d.path("runs").asLong()))
                .containsOnly(entry("2026-03-02 " + JENKINS, "3/11"), entry("2026-03-09 " + JENKINS, "5/14"),
                        entry("2026-03-16 " + JENKINS, "0/7"), entry("2026-03-02 " + TEAMCITY, "1/6"),
                        entry("2026-03-09 " + TEAMCITY, "1/4"), entry("2026-03-16 " + TEAMCITY, "0/6"));
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void leadTimePerServiceAndWeek(EngineKind kind) throws Exception {
        assertThat(panel(kind, "lead-time-by-service").texts("labels")).containsExactlyInAnyOrder(
                "p50 4.0 h · p90 24.0 h · 10 commits", "p50 6.0 h · p90 24.0 h · 5 commits");
        Map<String, Double> weekly = panel(kind, "lead-time-weekly").data("lines").stream().collect(Collectors.toMap(
                d -> day(d) + " " + d.path("percentile").asText(), d -> d.path("hours").asDouble()));
        assertThat(weekly).hasSize(6);
        assertThat(weekly.get("2026-03-02 p50")).isCloseTo(4.0, within(0.01));
        assertThat(weekly.get("2026-03-09 p50")).isCloseTo(4.0, within(0.01));
        assertThat(weekly.get("2026-03-16 p50")).isCloseTo(24.0, within(0.01));
        // p90 of 1 4 4 6 and of 2 2 4 6 10 lie between the two highest values; engines interpolate differently.
        assertThat(weekly.get("2026-03-02 p90")).isBetween(4.0, 6.0);
        assertThat(weekly.get("2026-03-09 p90")).isBetween(6.0, 10.0);
        assertThat(weekly.get("2026-03-16 p90")).isCloseTo(24.0, within(0.01));
        assertThat(table(panel(kind, "commits-deployed-weekly"), "bars",
                d -> day(d) + " " + d.path("CI server").asText(), d -> d.path("commits").asLong()))
                .containsOnly(entry("2026-03-02 " + JENKINS, 3L), entry("2026-03-02 " + TEAMCITY, 1L),
                        entry("2026-03-09 " + JENKINS, 3L), entry("2026-03-09 " + TEAMCITY, 2L),
                        entry("2026-03-16 " + JENKINS, 4L), entry("2026-03-16 " + TEAMCITY, 2L));
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void changeFailureRateAndRecoveryPerServiceAndWeek(EngineKind kind) throws Exception {
        assertThat(table(panel(kind, "change-failure-rate-by-service"), "labels", d -> d.path("service").asText(),
                d -> d.path("label").asText()))
                .containsOnly(entry("shop", "14.3%  (1 of 7)"), entry("cart", "16.7%  (1 of 6)"),
                        entry("billing", "0.0%  (0 of 1)"));
        assertThat(table(panel(kind, "change-failure-rate-weekly"), "labels", DashboardPanelsIT::day,
                d -> d.path("label").asText()))
                .containsOnly(entry("2026-03-02", "0 of 4"), entry("2026-03-09", "1 of 5"), entry("2026-03-16", "1 of 5"));
        assertThat(table(panel(kind, "recovery-time-by-service"), "labels", d -> d.path("service").asText(),
                d -> d.path("label").asText()))
                .containsOnly(entry("shop", "20.0 h · 1 rollback"), entry("cart", "48.0 h · 1 rollback"));
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void buildHealthTrendsTimeToGreenAndTopFailingAndFlakyPipelines(EngineKind kind) throws Exception {
        Map<String, Double> duration = panel(kind, "duration-trend").data("lines").stream()
                .filter(d -> day(d).equals("2026-03-02")).collect(Collectors.toMap(
                        d -> d.path("CI server").asText() + " " + d.path("percentile").asText(),
                        d -> d.path("value").asDouble()));
        // 2 March: Jenkins ran shop/build (8 min) and billing/build (12); TeamCity Cart_Build (20) and Cart_Deploy (4).
        assertThat(duration.get(JENKINS + " p50")).isCloseTo(10.0, within(0.01));
        assertThat(duration.get(JENKINS + " p95")).isBetween(10.0, 12.0);
        assertThat(duration.get(TEAMCITY + " p50")).isCloseTo(12.0, within(0.01));
        assertThat(duration.get(TEAMCITY + " p95")).isBetween(12.0, 20.0);
        Map<String, Double> queue = panel(kind, "queue-time-trend").data("lines").stream()
                .filter(d -> day(d).equals("2026-03-02") && d.path("percentile").asText().equals("p50"))
                .collect(Collectors.toMap(d -> d.path("CI server").asText(), d -> d.path("value").asDouble()));
        assertThat(queue.get(JENKINS)).isCloseTo(1.5, within(0.01));
        assertThat(queue.get(TEAMCITY)).isCloseTo(3.0, within(0.01));

        assertThat(table(panel(kind, "time-to-green"), "labels", d -> d.path("pipeline").asText(),
                d -> d.path("label").asText()))
                .containsOnly(entry("billing » build", "60.0 h · 3 recoveries"),
                        entry("shop » build", "54.0 h · 2 recoveries"),
                        entry("Shop :: Cart_Build", "48.0 h · 2 recoveries"),
                        entry("shop » deploy-prod", "4.0 h · 1 recovery"),
                        entry("shop » deploy-staging", "8.0 days · 1 recovery"));
        assertThat(table(panel(kind, "top-failing-pipelines"), "labels", d -> d.path("pipeline").asText(),
                d -> d.path("label").asText()))
                .containsOnly(entry("billing » build", "3 of 8 runs · turned red 3×"),
                        entry("shop » build", "3 of 12 runs · turned red 2×"),
                        entry("Shop :: Cart_Build", "2 of 10 runs · turned red 2×"),
                        entry("shop » deploy-prod", "1 of 8 runs · turned red 1×"),
                        entry("shop » deploy-staging", "1 of 3 runs · turned red 1×"));
        assertThat(table(panel(kind, "flaky-pipelines"), "labels",
                d -> d.path("pipeline").asText() + " " + d.path("CI server").asText(), d -> d.path("label").asText()))
                .containsOnly(entry("shop » build " + JENKINS, "1 flaky suspect"),
                        entry("shop » deploy-prod " + JENKINS, "1 flaky suspect"),
                        entry("Shop :: Cart_Build " + TEAMCITY, "1 flaky suspect"));
    }
}
