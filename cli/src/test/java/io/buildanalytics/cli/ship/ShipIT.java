package io.buildanalytics.cli.ship;

import static io.buildanalytics.cli.ship.Ship.buildFlags;
import static io.buildanalytics.cli.ship.Ship.with;
import static io.buildanalytics.cli.ship.ShipFlagsTest.field;
import static io.buildanalytics.cli.ship.ShipFlagsTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.buildanalytics.cli.ExitCode;
import io.buildanalytics.localengine.EngineKind;
import io.buildanalytics.localengine.LocalEngine;
import io.buildanalytics.localengine.LocalEngineExtension;
import io.buildanalytics.model.schema.EventIdentity;
import io.buildanalytics.model.schema.IndexNaming;
import io.buildanalytics.shipper.spool.MvStoreSpool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ship} against the real engines: by flags and by file the documents arrive with the right fields; an
 * event left queued by an unreachable engine arrives with the next run's; a refused one is reported with the
 * engine's reason. Every test has its own index prefix (none a prefix of another, so their templates never
 * overlap).
 */
class ShipIT {

    @RegisterExtension
    static final LocalEngineExtension ENGINES = new LocalEngineExtension();

    /** Every build here finishes in March 2026 (see {@link Ship#buildFlags}). */
    private static final Instant MARCH = Instant.parse("2026-03-02T09:05:00Z");
    private static final String RUN_42 = EventIdentity.eventId("gitlab-main", "shop/build", "shop/build#42",
            "pipeline_run");

    @TempDir
    Path dataDirectory;

    @TempDir
    Path scratch;

    private Ship.Run ship(LocalEngine engine, String prefix, List<String> build, String... more) {
        return Ship.run(with(build, with(List.of(more), "--es", engine.baseUri().toString(),
                "--product", engine.kind() == EngineKind.ELASTICSEARCH ? "elasticsearch" : "opensearch",
                "--index-prefix", prefix, "--data-dir", dataDirectory.toString(), "--wait", "60s")));
    }

    private static JsonNode document(LocalEngine engine, String prefix, String id) {
        String index = IndexNaming.withPrefix(prefix).indexFor(MARCH);
        return engine.http().get("/" + index + "/_doc/" + id).requireSuccess().json().path("_source");
    }

    private static boolean exists(LocalEngine engine, String prefix, String id) {
        return engine.http().get("/" + IndexNaming.withPrefix(prefix).indexFor(MARCH) + "/_doc/" + id).isSuccess();
    }

    private long spooled() throws Exception {
        try (MvStoreSpool spool = MvStoreSpool.open(dataDirectory.resolve("spool"), 1024 * 1024)) {
            return spool.stats().records();
        }
    }

    @Test
    void aBuildByFlagsArrivesWithItsFields() {
        LocalEngine engine = ENGINES.get(EngineKind.ELASTICSEARCH);
        Ship.Run run = ship(engine, "it-shipflags", buildFlags(),
                "--repository", "https://gitlab-ci-token:glcbt-s3cr3t@gitlab.example.com/shop/app.git",
                "--revision", "9fceb02", "--branch", "main",
                "--deploy-environment", "production", "--service", "shop", "--label", "team=payments");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly("Sent build gitlab-main/shop/build#42 (success) to "
                + engine.baseUri().toString().replaceAll("/$", "") + ": index it-shipflags-2026.03, id " + RUN_42);
        JsonNode source = document(engine, "it-shipflags", RUN_42);
        assertThat(text(source, "observer.name")).isEqualTo("gitlab-main");
        assertThat(text(source, "event.provider")).isEqualTo("gitlab-ci");
        assertThat(text(source, "agent.type")).isEqualTo("cli");
        assertThat(text(source, "cicd.pipeline.result")).isEqualTo("success");
        assertThat(text(source, "vcs.repository.url.full")).isEqualTo("https://gitlab.example.com/shop/app");
        assertThat(field(source, "dora.is_deployment").asBoolean()).isTrue();
        assertThat(field(source, "dora.is_production").asBoolean()).isTrue();
        assertThat(source.path("labels").path("team").asText()).isEqualTo("payments");
        assertThat(source.toString()).doesNotContain("glcbt-s3cr3t");
    }

    @Test
    void aBuildByFileArrivesWithItsFields() throws Exception {
        LocalEngine engine = ENGINES.get(EngineKind.ELASTICSEARCH);
        Path file = Files.writeString(scratch.resolve("build.json"), ShipFileTest.example());
        String id = EventIdentity.eventId("github.com/acme", "acme/shop/deploy.yml", "8812345678", "pipeline_run");

        Ship.Run run = ship(engine, "it-shipfile", List.of("--file", file.toString()));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines()).singleElement().asString()
                .startsWith("Sent build github-acme/acme/shop/deploy.yml run 8812345678 (success) to ")
                .endsWith(": index it-shipfile-2026.03, id " + id);
        JsonNode source = document(engine, "it-shipfile", id);
        assertThat(text(source, "event.provider")).isEqualTo("github-actions");
        assertThat(text(source, "service.version")).isEqualTo("1.4.2");
        assertThat(field(source, "ci.tests.total").asLong()).isEqualTo(214);
    }

    @Test
    void anEventLeftByAnUnreachableEngineArrivesWithTheNextRun() throws Exception {
        LocalEngine engine = ENGINES.get(EngineKind.ELASTICSEARCH);
        Ship.Run queued = Ship.run(with(buildFlags(), "--es", "http://127.0.0.1:1", "--index-prefix", "it-shipqueued",
                "--data-dir", dataDirectory.toString(), "--wait", "2s"));
        assertThat(queued.exitCode()).isEqualTo(ExitCode.QUEUED);
        assertThat(queued.errLines()).singleElement().asString().contains("Could not reach http://127.0.0.1:1",
                "kept in the spool at " + dataDirectory);
        assertThat(exists(engine, "it-shipqueued", RUN_42)).isFalse();

        List<String> next = buildFlags();
        next.set(next.indexOf("42"), "43");
        Ship.Run delivered = ship(engine, "it-shipqueued", next);

        assertThat(delivered.exitCode()).as(delivered.err()).isZero();
        assertThat(delivered.outLines()).hasSize(2);
        assertThat(delivered.outLines().get(0)).startsWith("Sent build gitlab-main/shop/build#43 (success)");
        assertThat(delivered.outLines().get(1))
                .isEqualTo("Also delivered 1 event that an earlier ship run had left in the spool.");
        assertThat(exists(engine, "it-shipqueued", RUN_42)).isTrue();
        assertThat(exists(engine, "it-shipqueued", EventIdentity.eventId("gitlab-main", "shop/build",
                "shop/build#43", "pipeline_run"))).isTrue();
        assertThat(spooled()).isZero();
    }

    /**
     * Successive runs from one data directory see each other, as a plugin's builds see their host's history: the
     * second failure is not a first failure, a deployment after another gets lead times for its commits, and a
     * redeploy of the earlier version is a rollback of the one in between.
     */
    @Test
    void runsFromOneDataDirectoryGetTheDerivationsOfTheirHistory() {
        LocalEngine engine = ENGINES.get(EngineKind.ELASTICSEARCH);
        String prefix = "it-shiphistory";
        assertThat(ship(engine, prefix, run(1, "failure", "09:05")).exitCode()).isZero();
        assertThat(ship(engine, prefix, run(2, "failure", "10:05")).exitCode()).isZero();
        assertThat(ship(engine, prefix, deploy(3, "v1", "11:05", "c1@2026-03-02T08:00:00Z")).exitCode()).isZero();
        assertThat(ship(engine, prefix, deploy(4, "v2", "12:05", "c3@2026-03-02T11:30:00Z", "c2@2026-03-02T10:05:00Z"))
                .exitCode()).isZero();
        Ship.Run rollback = ship(engine, prefix, deploy(5, "v1", "13:05"));
        assertThat(rollback.exitCode()).as(rollback.err()).isZero();

        JsonNode secondFailure = document(engine, prefix, id(2));
        assertThat(field(secondFailure, "ci.pipeline.run.first_failure").asBoolean()).isFalse();
        assertThat(text(secondFailure, "ci.pipeline.run.previous_result")).isEqualTo("failure");
        assertThat(field(document(engine, prefix, id(3)), "dora.changes.lead_time").isMissingNode())
                .as("a first deployment has no predecessor").isTrue();
        JsonNode second = document(engine, prefix, id(4));
        assertThat(text(second, "dora.deployment.previous.id")).isEqualTo(id(3));
        // 12:05 - 11:30 and 12:05 - 10:05, in nanoseconds.
        assertThat(field(second, "dora.changes.lead_time")).extracting(JsonNode::asLong)
                .containsExactlyInAnyOrder(2_100_000_000_000L, 7_200_000_000_000L);
        JsonNode restored = document(engine, prefix, id(5));
        assertThat(field(restored, "dora.deployment.is_rollback").asBoolean()).isTrue();
        assertThat(text(restored, "dora.remediation.failed_deployment.id")).isEqualTo(id(4));
        assertThat(field(restored, "dora.recovery_time").asLong()).isEqualTo(3_600_000_000_000L);
    }

    private static List<String> run(int number, String result, String finished) {
        List<String> flags = buildFlags();
        flags.set(flags.indexOf("42"), String.valueOf(number));
        flags.set(flags.indexOf("success"), result);
        flags.set(flags.indexOf("2026-03-02T08:59:00Z"), "2026-03-02T" + minus(finished, 6) + ":00Z");
        flags.set(flags.indexOf("2026-03-02T09:00:00Z"), "2026-03-02T" + minus(finished, 5) + ":00Z");
        flags.set(flags.indexOf("2026-03-02T09:05:00Z"), "2026-03-02T" + finished + ":00Z");
        return flags;
    }

    private static List<String> deploy(int number, String version, String finished, String... commits) {
        List<String> flags = run(number, "success", finished);
        flags.addAll(List.of("--deploy-environment", "production", "--service", "shop", "--service-version", version,
                "--revision", "rev-" + version));
        for (String commit : commits) {
            flags.addAll(List.of("--commit", commit));
        }
        return flags;
    }

    /** "10:05" minus some minutes, within the hour. */
    private static String minus(String time, int minutes) {
        return java.time.LocalTime.parse(time).minusMinutes(minutes).toString();
    }

    private static String id(int number) {
        return EventIdentity.eventId("gitlab-main", "shop/build", "shop/build#" + number, "pipeline_run");
    }

    @Test
    void anEventTheEngineRefusesIsReportedWithItsReasonAndKept() throws Exception {
        LocalEngine engine = ENGINES.get(EngineKind.ELASTICSEARCH);
        String index = IndexNaming.withPrefix("it-shiprefused").indexFor(MARCH);
        engine.http().delete("/" + index);
        // The month's index exists with labels.team as a number, as if someone had created it by hand.
        engine.http().put("/" + index, "{\"mappings\":{\"properties\":{\"labels\":{\"properties\":"
                + "{\"team\":{\"type\":\"long\"}}}}}}").requireSuccess();

        Ship.Run run = ship(engine, "it-shiprefused", buildFlags(), "--label", "team=payments");

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("build-analytics: The engine at ")
                .contains("refused the event of build gitlab-main/shop/build#42 for good (400 ", "team",
                        "It is kept in " + dataDirectory.resolve("dead-letters.ndjson"));
        assertThat(Files.readString(dataDirectory.resolve("dead-letters.ndjson"))).contains(RUN_42);
        assertThat(spooled()).isZero();
    }

    @Test
    void aBadFlagSendsNothing() {
        LocalEngine engine = ENGINES.get(EngineKind.ELASTICSEARCH);
        Ship.Run run = ship(engine, "it-shipbadflag", buildFlags(), "--label", "payments");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).hasSize(2);
        assertThat(run.errLines().get(0)).startsWith("build-analytics: ")
                .contains("'--label'", "KEY=VALUE format but was payments");
        assertThat(run.errLines().get(1)).isEqualTo("Try 'build-analytics ship --help'.");
        assertThat(exists(engine, "it-shipbadflag", RUN_42)).isFalse();
        assertThat(Files.exists(dataDirectory.resolve("spool"))).isFalse();
    }

    @Test
    void openSearchTakesTheSameBuild() {
        LocalEngine engine = ENGINES.get(EngineKind.OPENSEARCH);
        Ship.Run run = ship(engine, "it-shipopensearch", buildFlags());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(text(document(engine, "it-shipopensearch", RUN_42), "cicd.pipeline.run.id"))
                .isEqualTo("shop/build#42");
    }
}
