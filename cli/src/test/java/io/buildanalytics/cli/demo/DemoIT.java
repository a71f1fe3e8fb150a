package io.buildanalytics.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.buildanalytics.cli.CommandRun;
import io.buildanalytics.cli.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo as a newcomer runs it: no engine given, so it starts its own Elasticsearch, ships the history, reports
 * and renders the preview. Its report must carry the numbers the generator knows the history holds.
 */
class DemoIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void runsEndToEndOnTheEmbeddedEngineAndReportsTheKnownAnswers(@TempDir Path out) throws Exception {
        CommandRun run = CommandRun.of("demo", "--out", out.toString(), "--last-day", "2026-03-31", "--heap", "512m");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        DemoHistory history = DemoHistory.generate(90, LocalDate.of(2026, 3, 31), DemoCommand.DEFAULT_SEED);
        assertThat(run.out()).contains("Starting the embedded Elasticsearch", "Deployment frequency",
                "Where to look:", out.resolve("report.html").toString(), "--keep-running");

        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        assertThat(report.path("events").asLong()).isEqualTo(history.runs().size());
        assertKnown(report.path("overall"), history.answers().all());
        for (JsonNode server : report.path("servers")) {
            assertKnown(server.path("measures"), history.answers().server(server.path("server").asText()));
        }
        assertThat(report.path("servers")).hasSize(2);

        assertThat(out.resolve("report.html")).content().contains("<svg");
        assertThat(out.resolve("preview/index.html")).exists();
        assertThat(out.resolve("preview/overview.png")).exists();
        assertThat(run.out()).contains("Dashboards preview:  " + out.resolve("preview/index.html"));
    }

    @Test
    void refusesAnUnreachableEngineWithOneLine(@TempDir Path out) {
        CommandRun run = CommandRun.of("demo", "--es", "http://127.0.0.1:1", "--out", out.toString(), "--no-preview");

        assertThat(run.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(run.errLines()).singleElement().asString().startsWith("build-analytics: ");
    }

    @Test
    void refusesAHistoryShorterThanAWeek(@TempDir Path out) {
        CommandRun run = CommandRun.of("demo", "--days", "3", "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).containsExactly("build-analytics: --days must be between 7 and 730, not 3",
                "Try 'build-analytics demo --help'.");
    }

    private static void assertKnown(JsonNode measures, DemoAnswers.Tally known) {
        JsonNode deployments = measures.path("deployment_frequency");
        assertThat(deployments.path("deployments").asLong()).isEqualTo(known.deployments().size());
        assertThat(measures.path("lead_time").path("commits").asLong()).isEqualTo(known.leadTimes().size());
        KnownMeasures.assertBetweenNeighbours("lead time p50", seconds(measures.path("lead_time").path("p50_seconds")),
                known.leadTimes(), 0.5);
        assertThat(measures.path("change_failure").path("rolled_back").asLong()).isEqualTo(known.recoveries().size());
        KnownMeasures.assertBetweenNeighbours("recovery p50", seconds(measures.path("recovery").path("p50_seconds")),
                known.recoveries(), 0.5);
        assertThat(measures.path("build_failure").path("runs").asLong()).isEqualTo(known.countedRuns());
        assertThat(measures.path("build_failure").path("failed_runs").asLong()).isEqualTo(known.failedRuns());
        assertThat(measures.path("build_failure").path("rate").asDouble())
                .isCloseTo((double) known.failedRuns() / known.countedRuns(), org.assertj.core.api.Assertions.within(1e-4));
    }

    private static Duration seconds(JsonNode value) {
        return Duration.ofMillis(Math.round(value.asDouble() * 1000));
    }
}
