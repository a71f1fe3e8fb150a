package io.buildanalytics.cli.ship;

import static io.buildanalytics.cli.ship.Ship.buildFlags;
import static io.buildanalytics.cli.ship.Ship.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.buildanalytics.cli.ExitCode;
import io.buildanalytics.model.schema.EventIdentity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Flags become the event the plugins would send for the same build; checked through --dry-run, no engine. */
class ShipFlagsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode dryRun(String... args) throws Exception {
        Ship.Run run = Ship.run(with(List.of(args), "--dry-run"));
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        return JSON.readTree(run.out());
    }

    @Test
    void everyFlagLandsInItsField() throws Exception {
        JsonNode shipped = dryRun(with(buildFlags(),
                "--index-prefix", "ship-flags",
                "--server-version", "17.9",
                "--pipeline-url", "https://gitlab.example.com/shop/app/-/pipelines",
                "--status-text", "All good",
                "--trigger", "scm", "--triggered-by", "alice", "--trigger-description", "Push by alice",
                "--worker", "runner-7",
                "--repository", "https://gitlab-ci-token:s3cr3t-t0ken@gitlab.example.com/shop/app.git",
                "--revision", "9fceb02d0ae598e95dc970b74767f19372d61af8",
                "--branch", "main", "--default-branch", "main",
                "--commit", "9fceb02d0ae598e95dc970b74767f19372d61af8@2026-03-02T08:30:00Z",
                "--commit", "a1b2c3d@2026-03-02T09:10:00+01:00",
                "--tests-passed", "120", "--tests-failed", "0", "--tests-skipped", "3",
                "--deploy-environment", "Prod", "--service", "shop", "--service-version", "1.4.2",
                "--label", "team=payments", "--label", "tier=1",
                "--parameter", "TARGET=eu-1"));
        JsonNode source = shipped.path("_source");

        assertThat(shipped.path("_index").asText()).isEqualTo("ship-flags-2026.03");
        assertThat(shipped.path("_id").asText()).isEqualTo(text(source, "event.id"))
                .isEqualTo(EventIdentity.eventId("gitlab-main", "shop/build", "shop/build#42", "pipeline_run"));
        assertThat(text(source, "observer.name")).isEqualTo("gitlab-main");
        assertThat(text(source, "observer.product")).isEqualTo("GitLab CI");
        assertThat(text(source, "observer.version")).isEqualTo("17.9");
        assertThat(text(source, "event.provider")).isEqualTo("gitlab-ci");
        assertThat(text(source, "ci.server.id")).isEqualTo("gitlab-main");
        assertThat(text(source, "ci.server.url")).isEqualTo("https://gitlab.example.com");
        assertThat(text(source, "agent.type")).isEqualTo("cli");
        assertThat(text(source, "ci.pipeline.id")).isEqualTo("shop/build");
        assertThat(text(source, "cicd.pipeline.name")).isEqualTo("Shop build");
        assertThat(text(source, "ci.pipeline.project")).isEqualTo("shop");
        assertThat(text(source, "cicd.pipeline.run.id")).isEqualTo("shop/build#42");
        assertThat(text(source, "ci.pipeline.run.number")).isEqualTo("42");
        assertThat(text(source, "cicd.pipeline.result")).isEqualTo("success");
        assertThat(text(source, "ci.pipeline.run.original_result")).isEqualTo("success");
        assertThat(text(source, "ci.pipeline.run.status_text")).isEqualTo("All good");
        assertThat(text(source, "event.outcome")).isEqualTo("success");
        assertThat(text(source, "@timestamp")).isEqualTo("2026-03-02T09:05:00Z");
        assertThat(text(source, "event.start")).isEqualTo("2026-03-02T09:00:00Z");
        assertThat(field(source, "event.duration").asLong()).isEqualTo(300_000_000_000L);
        assertThat(field(source, "ci.pipeline.run.queue.duration").asLong()).isEqualTo(60_000_000_000L);
        assertThat(text(source, "ci.pipeline.run.trigger.type")).isEqualTo("scm");
        assertThat(text(source, "user.name")).isEqualTo("alice");
        assertThat(text(source, "cicd.worker.name")).isEqualTo("runner-7");
        assertThat(text(source, "vcs.repository.url.full")).isEqualTo("https://gitlab.example.com/shop/app");
        assertThat(text(source, "vcs.provider.name")).isEqualTo("gitlab");
        assertThat(text(source, "vcs.ref.head.name")).isEqualTo("main");
        assertThat(text(source, "vcs.ref.head.type")).isEqualTo("branch");
        assertThat(field(source, "ci.pipeline.run.is_default_branch").asBoolean()).isTrue();
        assertThat(field(source, "ci.changes.count").asLong()).isEqualTo(2);
        assertThat(field(source, "ci.tests.total").asLong()).isEqualTo(123);
        assertThat(field(source, "ci.tests.skipped").asLong()).isEqualTo(3);
        assertThat(field(source, "dora.is_deployment").asBoolean()).isTrue();
        assertThat(field(source, "dora.is_production").asBoolean()).isTrue();
        assertThat(text(source, "deployment.environment.name")).isEqualTo("production");
        assertThat(text(source, "service.name")).isEqualTo("shop");
        assertThat(text(source, "service.version")).isEqualTo("1.4.2");
        assertThat(text(source, "dora.deployment.rule")).isEqualTo(FlagFacts.DEPLOYMENT_RULE);
        assertThat(source.path("labels").path("team").asText()).isEqualTo("payments");
        assertThat(field(source, "ci.pipeline.run.parameters").path("TARGET").asText()).isEqualTo("eu-1");
        assertThat(source.toString()).doesNotContain("s3cr3t-t0ken");
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() throws Exception {
        JsonNode source = dryRun("--server-name", "ci-box", "--pipeline", "nightly", "--run-number", "7",
                "--result", "FAILED", "--started", "2020-01-01T00:00:00Z").path("_source");

        assertThat(text(source, "cicd.pipeline.run.id")).isEqualTo("nightly#7");
        assertThat(text(source, "cicd.pipeline.name")).isEqualTo("nightly");
        assertThat(text(source, "ci.server.id")).isEqualTo("ci-box");
        assertThat(text(source, "observer.product")).isEqualTo("CI");
        assertThat(text(source, "event.provider")).isEqualTo("ci");
        assertThat(text(source, "cicd.pipeline.result")).isEqualTo("failure");
        assertThat(text(source, "ci.pipeline.run.original_result")).isEqualTo("FAILED");
        assertThat(text(source, "error.type")).isEqualTo("build_failure");
        assertThat(text(source, "ci.pipeline.run.trigger.type")).isEqualTo("other");
        assertThat(field(source, "dora.is_deployment").asBoolean()).isFalse();
        // --finished defaults to now: present, and not before the start.
        assertThat(text(source, "@timestamp")).isNotEmpty();
        assertThat(field(source, "event.duration").asLong()).isPositive();
        assertThat(source.has("vcs.ref.head.name") || source.path("vcs").has("ref")).isFalse();
    }

    @Test
    void anExplicitRunIdAndServerIdDecideTheEventId() throws Exception {
        JsonNode shipped = dryRun("--server-name", "gha", "--server-id", "github.com/acme", "--pipeline", "ci.yml",
                "--run-id", "8812345", "--result", "cancelled", "--started", "2026-03-02T09:00:00Z",
                "--finished", "2026-03-02T09:01:00Z");

        assertThat(shipped.path("_id").asText())
                .isEqualTo(EventIdentity.eventId("github.com/acme", "ci.yml", "8812345", "pipeline_run"));
        assertThat(text(shipped.path("_source"), "cicd.pipeline.result")).isEqualTo("cancellation");
        assertThat(text(shipped.path("_source"), "event.outcome")).isEqualTo("unknown");
    }

    @Test
    void aTagAndAPullRequestAreRecordedAsSuch() throws Exception {
        JsonNode source = dryRun(with(buildFlags(), "--tag", "v1.4.2", "--pull-request", "17",
                "--pull-request-title", "Faster checkout", "--base-branch", "main")).path("_source");

        assertThat(text(source, "vcs.ref.head.name")).isEqualTo("v1.4.2");
        assertThat(text(source, "vcs.ref.head.type")).isEqualTo("tag");
        assertThat(text(source, "vcs.change.id")).isEqualTo("17");
        assertThat(text(source, "vcs.ref.base.name")).isEqualTo("main");
        assertThat(field(source, "ci.pipeline.run.is_pull_request").asBoolean()).isTrue();
    }

    @Test
    void anEmptyDeployEnvironmentMeansNoDeployment() throws Exception {
        JsonNode source = dryRun(with(buildFlags(), "--deploy-environment", "", "--service", "shop"))
                .path("_source");

        assertThat(field(source, "dora.is_deployment").asBoolean()).isFalse();
    }

    @Test
    void failedTestsMakeAFailureATestFailure() throws Exception {
        List<String> flags = buildFlags();
        flags.set(flags.indexOf("success"), "failure");
        JsonNode source = dryRun(with(flags, "--tests-passed", "10", "--tests-failed", "2")).path("_source");

        assertThat(text(source, "error.type")).isEqualTo("test_failure");
        assertThat(field(source, "ci.tests.failed").asLong()).isEqualTo(2);
    }

    /** A field by its dotted name, whether the writer nested it or not. */
    static JsonNode field(JsonNode source, String dotted) {
        if (source.has(dotted)) {
            return source.get(dotted);
        }
        JsonNode node = source;
        String rest = dotted;
        while (!rest.isEmpty()) {
            int dot = rest.indexOf('.');
            String head = dot < 0 ? rest : rest.substring(0, dot);
            if (node.has(rest)) {
                return node.get(rest);
            }
            node = node.path(head);
            rest = dot < 0 ? "" : rest.substring(dot + 1);
        }
        return node;
    }

    static String text(JsonNode source, String dotted) {
        return field(source, dotted).asText();
    }
}
