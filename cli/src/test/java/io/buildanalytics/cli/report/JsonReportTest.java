package io.buildanalytics.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class JsonReportTest {

    private final String json = new JsonReport().render(SampleReports.full());
    private final JsonNode root = parse(json);

    @Test
    void topLevelKeysComeInTheDocumentedOrder() {
        assertThat(fieldNames(root)).containsExactly("schema", "generated_at", "filter", "index", "events",
                "overall", "servers", "weeks", "failing_pipelines");
        assertThat(root.get("schema").asText()).isEqualTo("build-analytics-report/1");
        assertThat(root.get("generated_at").asText()).isEqualTo("2024-05-01T08:00:00Z");
        assertThat(root.get("index").asText()).isEqualTo("cicd-events*");
        assertThat(root.get("events").asLong()).isEqualTo(52);
    }

    @Test
    void filterKeepsUnsetValuesAsNullAndNamesTheDeploymentEnvironment() {
        JsonNode filter = root.get("filter");
        assertThat(filter.get("from").asText()).isEqualTo("2024-04-03T00:00:00Z");
        assertThat(filter.get("to").asText()).isEqualTo("2024-04-30T23:59:59.999Z");
        assertThat(filter.get("server").isNull()).isTrue();
        assertThat(filter.get("environment").isNull()).isTrue();
        assertThat(filter.get("deployment_environment").asText()).isEqualTo("production");

        JsonNode staging = parse(new JsonReport().render(SampleReports.empty())).get("filter");
        assertThat(staging.get("environment").asText()).isEqualTo("staging");
        assertThat(staging.get("deployment_environment").asText()).isEqualTo("staging");
    }

    @Test
    void overallMeasuresHaveExactSecondsRatesAndBands() {
        JsonNode overall = root.get("overall");
        assertThat(fieldNames(overall)).containsExactly("deployment_frequency", "lead_time", "change_failure",
                "recovery", "build_failure", "timing");

        JsonNode frequency = overall.get("deployment_frequency");
        assertThat(frequency.get("deployments").asLong()).isEqualTo(14);
        assertThat(frequency.get("deployment_days").asLong()).isEqualTo(12);
        assertThat(frequency.get("days_per_week").asDouble()).isEqualTo(5.0);
        assertThat(frequency.get("whole_weeks").asInt()).isEqualTo(3);
        assertThat(frequency.get("band").asText()).isEqualTo("elite");

        JsonNode lead = overall.get("lead_time");
        assertThat(lead.get("commits").asLong()).isEqualTo(15);
        assertThat(lead.get("p50_seconds").isIntegralNumber()).isTrue();
        assertThat(lead.get("p50_seconds").asLong()).isEqualTo(14_400);
        assertThat(lead.get("p90_seconds").asLong()).isEqualTo(86_400);
        assertThat(lead.get("band").asText()).isEqualTo("elite");

        JsonNode change = overall.get("change_failure");
        assertThat(change.get("deployments").asLong()).isEqualTo(14);
        assertThat(change.get("rolled_back").asLong()).isEqualTo(2);
        assertThat(change.get("rate").asDouble()).isEqualTo(0.1429);
        assertThat(change.get("band").asText()).isEqualTo("medium");

        JsonNode recovery = overall.get("recovery");
        assertThat(recovery.get("recoveries").asLong()).isEqualTo(2);
        assertThat(recovery.get("p50_seconds").asLong()).isEqualTo(122_400);
        assertThat(recovery.get("band").asText()).isEqualTo("medium");

        JsonNode build = overall.get("build_failure");
        assertThat(build.get("runs").asLong()).isEqualTo(48);
        assertThat(build.get("failed_runs").asLong()).isEqualTo(10);
        assertThat(build.get("rate").asDouble()).isEqualTo(0.2083);
        assertThat(build.has("band")).isFalse();

        JsonNode timing = overall.get("timing");
        assertThat(timing.get("duration_p50_seconds").asLong()).isEqualTo(480);
        assertThat(timing.get("duration_p95_seconds").asLong()).isEqualTo(1_260);
        assertThat(timing.get("queue_p50_seconds").asLong()).isEqualTo(45);
        assertThat(timing.get("queue_p95_seconds").asLong()).isEqualTo(180);
    }

    @Test
    void aServerWithoutDeploymentsHasNullsNotZerosAndNoDataBands() {
        JsonNode teamcity = root.get("servers").get(1);
        assertThat(teamcity.get("server").asText()).isEqualTo("teamcity-lab");
        assertThat(teamcity.get("product").asText()).isEqualTo("teamcity");
        assertThat(teamcity.get("events").asLong()).isEqualTo(12);
        JsonNode measures = teamcity.get("measures");
        assertThat(measures.get("deployment_frequency").get("deployments").asLong()).isZero();
        assertThat(measures.get("deployment_frequency").get("band").asText()).isEqualTo("low");
        assertThat(measures.get("lead_time").get("p50_seconds").isNull()).isTrue();
        assertThat(measures.get("lead_time").get("p90_seconds").isNull()).isTrue();
        assertThat(measures.get("lead_time").get("band").asText()).isEqualTo("no_data");
        assertThat(measures.get("change_failure").get("rate").isNull()).isTrue();
        assertThat(measures.get("recovery").get("p50_seconds").isNull()).isTrue();
        assertThat(measures.get("timing").get("queue_p50_seconds").isNull()).isTrue();
        assertThat(measures.get("build_failure").get("rate").asDouble()).isEqualTo(0.25);
    }

    @Test
    void subSecondDurationsKeepTheirMilliseconds() {
        JsonNode queue = root.get("servers").get(0).get("measures").get("timing").get("queue_p50_seconds");
        assertThat(queue.isIntegralNumber()).isFalse();
        assertThat(queue.asDouble()).isEqualTo(0.25);
    }

    @Test
    void weeksCarryCountsRatesAndWhetherTheRangeCoversThemWholly() {
        JsonNode weeks = root.get("weeks");
        assertThat(weeks).hasSize(5);
        assertThat(weeks.get(0).get("start").asText()).isEqualTo("2024-04-01");
        assertThat(weeks.get(0).get("partial").asBoolean()).isTrue();
        assertThat(weeks.get(1).get("partial").asBoolean()).isFalse();
        assertThat(weeks.get(3).get("partial").asBoolean()).isFalse();
        assertThat(weeks.get(4).get("partial").asBoolean()).isTrue();
        assertThat(weeks.get(2).get("deployments").asLong()).isEqualTo(4);
        assertThat(weeks.get(2).get("runs").asLong()).isEqualTo(12);
        assertThat(weeks.get(2).get("failed_runs").asLong()).isEqualTo(4);
        assertThat(weeks.get(2).get("failure_rate").asDouble()).isEqualTo(0.3333);
        assertThat(weeks.get(4).get("failure_rate").isNull()).isTrue();
    }

    @Test
    void pipelineNamesAreDataAndKeptExactly() {
        JsonNode failing = root.get("failing_pipelines");
        assertThat(failing).hasSize(4);
        assertThat(failing.get(1).get("pipeline").asText()).isEqualTo(SampleReports.SCRIPT_PIPELINE);
        assertThat(failing.get(1).get("server").asText()).isEqualTo("teamcity-lab");
        assertThat(failing.get(1).get("failed_runs").asLong()).isEqualTo(3);
        assertThat(failing.get(1).get("failure_rate").asDouble()).isEqualTo(0.6);
        assertThat(failing.get(2).get("pipeline").asText()).isEqualTo("docs & \"site\"");
        assertThat(failing.get(3).get("pipeline").asText()).isEqualTo(SampleReports.ESCAPE_PIPELINE);
    }

    @Test
    void anEmptySelectionStillHasEveryKey() {
        JsonNode empty = parse(new JsonReport().render(SampleReports.empty()));
        assertThat(fieldNames(empty.get("overall").get("lead_time")))
                .containsExactly("commits", "p50_seconds", "p90_seconds", "band");
        assertThat(empty.get("overall").get("build_failure").get("rate").isNull()).isTrue();
        assertThat(empty.get("servers")).isEmpty();
        assertThat(empty.get("failing_pipelines")).isEmpty();
    }

    @Test
    void outputIsTheSameBytesEveryTimeWithUnixLineEnds() {
        assertThat(new JsonReport().render(SampleReports.full())).isEqualTo(json);
        assertThat(json).doesNotContain("\r").endsWith("}\n").contains("\n  \"schema\": \"build-analytics-report/1\",\n");
    }

    private static JsonNode parse(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        return StreamSupport.stream(((Iterable<String>) node::fieldNames).spliterator(), false).toList();
    }
}
