package io.buildanalytics.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.buildanalytics.cli.CommandRun;
import io.buildanalytics.cli.ExitCode;
import io.buildanalytics.cli.demo.DemoAnswers;
import io.buildanalytics.cli.demo.DemoEngines;
import io.buildanalytics.localengine.EngineKind;
import io.buildanalytics.localengine.LocalEngine;
import io.buildanalytics.localengine.LocalEngineExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code build-analytics report} as a user runs it, on Elasticsearch holding the demo history. */
class ReportCommandIT {

    @RegisterExtension
    static final LocalEngineExtension ENGINES = new LocalEngineExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DemoAnswers ANSWERS = DemoEngines.HISTORY.answers();
    private static String url;

    @BeforeAll
    static void shipTheHistory() throws Exception {
        LocalEngine engine = DemoEngines.withHistory(ENGINES.get(EngineKind.ELASTICSEARCH));
        url = engine.baseUri().toString();
    }

    @Test
    void jsonForOneServerHasThatServersKnownCounts() throws Exception {
        CommandRun run = report("--server", "teamcity-main", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = JSON.readTree(run.out());
        DemoAnswers.Tally known = ANSWERS.server("teamcity-main");
        JsonNode overall = report.path("overall");
        assertThat(report.path("filter").path("server").asText()).isEqualTo("teamcity-main");
        assertThat(report.path("events").asLong()).isEqualTo(known.events());
        assertThat(overall.path("deployment_frequency").path("deployments").asLong())
                .isEqualTo(known.deployments().size());
        assertThat(overall.path("change_failure").path("rolled_back").asLong()).isEqualTo(known.recoveries().size());
        assertThat(overall.path("lead_time").path("commits").asLong()).isEqualTo(known.leadTimes().size());
        assertThat(overall.path("build_failure").path("runs").asLong()).isEqualTo(known.countedRuns());
        assertThat(overall.path("build_failure").path("failed_runs").asLong()).isEqualTo(known.failedRuns());
        assertThat(report.path("servers")).hasSize(1);
    }

    @Test
    void textIsTheDefaultAndHtmlGoesToAFile(@TempDir Path directory) throws Exception {
        CommandRun text = report("--service", "shop");
        Path html = directory.resolve("reports/q1.html");
        CommandRun written = report("--format", "HTML", "--output", html.toString());

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("Build Analytics report", "service shop",
                String.format(Locale.ROOT, "%,d deployments", ANSWERS.service("shop").deployments().size()));
        assertThat(written.exitCode()).as(written.err()).isZero();
        assertThat(written.out()).contains("Wrote the html report to " + html.toAbsolutePath());
        assertThat(Files.readString(html, StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>").contains("<svg");
    }

    @Test
    void anIndexWithoutEventsGivesAnEmptyReportAndAHint() {
        CommandRun run = CommandRun.of("report", "--es", url, "--index-prefix", "nothing-here", "--last", "7d");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("0 pipeline runs");
        assertThat(run.errLines()).singleElement().asString().startsWith("No build events in nothing-here-*");
    }

    @Test
    void anUnreachableEngineIsOneLineAndExitCodeThree() {
        CommandRun run = CommandRun.of("report", "--es", "http://127.0.0.1:1", "--last", "7d");

        assertThat(run.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("build-analytics: Search on http://127.0.0.1:1/").contains("nothing answered");
    }

    @Test
    void badFlagsAreOneLineWithWhereHelpIsAndExitCodeTwo() {
        assertUsage(CommandRun.of("report", "--es", url, "--last", "5x"), "--last '5x' is not a period");
        assertUsage(CommandRun.of("report", "--es", url, "--from", "2026-13-01"), "--from '2026-13-01' is neither");
        assertUsage(CommandRun.of("report", "--es", url, "--last", "7d", "--from", "2026-01-01"),
                "either --last or --from/--to");
        assertUsage(CommandRun.of("report", "--last", "7d"), "No engine given: add --es URL");
        assertUsage(CommandRun.of("report", "--es", "localhost:9200"), "--es must start with http:// or https://");
        assertUsage(CommandRun.of("report", "--es", url, "--user", "ci"), "--user ci needs a password");
        CommandRun format = CommandRun.of("report", "--es", url, "--format", "pdf");
        assertThat(format.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(format.errLines().get(0)).contains("--format", "pdf");
        assertThat(format.errLines()).last().asString().isEqualTo("Try 'build-analytics report --help'.");
    }

    private static void assertUsage(CommandRun run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).hasSize(2);
        assertThat(run.errLines().get(0)).startsWith("build-analytics: ").contains(message);
        assertThat(run.errLines().get(1)).isEqualTo("Try 'build-analytics report --help'.");
    }

    /** The report over the whole demo history, with more flags. */
    private static CommandRun report(String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("report", "--es", url,
                "--index-prefix", DemoEngines.NAMING.prefix(), "--from", "2026-01-01", "--to", "2026-03-31"));
        args.addAll(java.util.List.of(more));
        return CommandRun.of(args.toArray(String[]::new));
    }
}
