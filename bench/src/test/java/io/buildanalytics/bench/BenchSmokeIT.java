package io.buildanalytics.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.buildanalytics.bench.backfill.BackfillTime;
import io.buildanalytics.bench.callback.CallbackCost;
import io.buildanalytics.bench.dashboards.PanelLatency;
import io.buildanalytics.bench.delivery.DeliveryThroughput;
import io.buildanalytics.bench.memory.ShipperHeap;
import io.buildanalytics.kibana.catalog.DashboardCatalog;
import io.buildanalytics.kibana.catalog.PanelType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The whole suite at smoke sizes against a real Elasticsearch: proves every part still runs and reports what it
 * should. It asserts no time: smoke numbers mean nothing, and the full run is `bench/run`.
 */
class BenchSmokeIT {

    @Test
    void everyPartRunsAndTheTablesHoldEveryMeasurement(@TempDir Path out) throws Exception {
        int exit = new CommandLine(new BenchCommand()).execute("--scale", "smoke", "--out", out.toString());

        assertThat(exit).isZero();
        JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertThat(results.path("scale").asText()).isEqualTo("smoke");
        assertThat(results.path("machine").path("cores").asInt()).isPositive();
        assertThat(results.path("engine").asText()).startsWith("Elasticsearch 8.");
        List<JsonNode> measurements = new ArrayList<>();
        results.path("measurements").forEach(measurements::add);
        Set<String> sections = new LinkedHashSet<>();
        measurements.forEach(row -> sections.add(row.path("section").asText()));
        assertThat(sections).containsExactly(CallbackCost.TITLE, ShipperHeap.TITLE, DeliveryThroughput.TITLE,
                BackfillTime.TITLE, PanelLatency.TITLE);
        assertThat(measurements).allMatch(row -> row.path("value").isNumber());

        // Callback: both spools, back to back and paced, plus the serialization alone.
        assertThat(subjects(measurements, CallbackCost.TITLE)).containsExactly(
                "Back to back, empty spool", "Back to back, 1 000 events waiting",
                "One build every 2 ms, empty spool", "One build every 2 ms, 1 000 events waiting",
                "Of which: facts → JSON alone");
        assertThat(values(measurements, CallbackCost.TITLE, "allocated per call")).allMatch(bytes -> bytes > 1_000);

        // Memory: a row per point, one after the restart, and a spool that grew on disk.
        assertThat(subjects(measurements, ShipperHeap.TITLE)).containsExactly("0 events spooled",
                "1 000 events spooled", "5 000 events spooled", "5 000 events spooled, after a restart");
        List<Double> disk = values(measurements, ShipperHeap.TITLE, "spool on disk");
        assertThat(disk.get(2)).isGreaterThan(disk.get(1)).isGreaterThan(disk.get(0));

        // Delivery: every approach indexed (and the suite counted) exactly the events it was given.
        assertThat(values(measurements, DeliveryThroughput.TITLE, "events"))
                .containsExactly(2_000.0, 2_000.0, 2_000.0, 100.0);
        assertThat(values(measurements, DeliveryThroughput.TITLE, "events/s")).allMatch(rate -> rate > 0);

        assertThat(subjects(measurements, BackfillTime.TITLE)).singleElement().asString().startsWith("2 000 builds of ");

        // Dashboards: one row per panel that queries, named by its id.
        long queried = DashboardCatalog.load().panels().stream().filter(panel -> panel.type() != PanelType.MARKDOWN)
                .count();
        assertThat(subjects(measurements, PanelLatency.TITLE)).hasSize((int) queried)
                .anyMatch(subject -> subject.contains("(`kpi-deployment-frequency`)"))
                .anyMatch(subject -> subject.contains("(`rollbacks`)"));
        assertThat(values(measurements, PanelLatency.TITLE, "p50")).allMatch(millis -> millis > 0);

        String markdown = Files.readString(out.resolve("results.md"));
        for (String section : sections) {
            assertThat(markdown).contains("## " + section);
        }
    }

    private static List<String> subjects(List<JsonNode> measurements, String section) {
        Set<String> subjects = new LinkedHashSet<>();
        measurements.stream().filter(row -> row.path("section").asText().equals(section))
                .forEach(row -> subjects.add(row.path("subject").asText()));
        return List.copyOf(subjects);
    }

    private static List<Double> values(List<JsonNode> measurements, String section, String metric) {
        return measurements.stream().filter(row -> row.path("section").asText().equals(section)
                && row.path("metric").asText().equals(metric)).map(row -> row.path("value").asDouble()).toList();
    }
}
