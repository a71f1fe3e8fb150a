package io.buildanalytics.teamcity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.buildanalytics.localengine.EngineHttp;
import io.buildanalytics.localengine.EngineKind;
import io.buildanalytics.localengine.LocalEngine;
import io.buildanalytics.localengine.LocalEngineExtension;
import io.buildanalytics.shipper.backfill.BackfillProgress;
import io.buildanalytics.shipper.backfill.BackfillRequest;
import io.buildanalytics.teamcity.HandMadeTeamCity.TestBuild;
import io.buildanalytics.teamcity.HandMadeTeamCity.TestBuildType;
import io.buildanalytics.teamcity.HandMadeTeamCity.TestProject;
import io.buildanalytics.teamcity.HandMadeTeamCity.TestServer;
import io.buildanalytics.teamcity.listener.BuildEventsListener;
import io.buildanalytics.teamcity.runtime.TeamCityRuntime;
import io.buildanalytics.teamcity.runtime.TestRuntimes;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import jetbrains.buildServer.messages.Status;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The TeamCity plugin end to end on real engines: hand-made builds finish, TeamCity's callback hands them over,
 * the reader thread reads them, the shipper derives deployments and lead times from the configuration's history
 * and indexes them; a backfill of the same builds overwrites instead of duplicating.
 */
class TeamCityDeliveryIT {

    @RegisterExtension
    static final LocalEngineExtension ENGINES = new LocalEngineExtension();

    private static final Instant START = Instant.parse("2026-03-10T09:00:00Z");

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void finishedBuildsBecomeEventsWithDerivedDeploymentsAndABackfillOverwritesThem(EngineKind kind,
                                                                                  LocalEngine engine) throws Exception {
        String prefix = "it-teamcity-" + kind.id();
        EngineHttp http = new EngineHttp(engine.baseUri());
        http.delete("/" + prefix + "-*");
        TestBuildType deploy = new TestBuildType(new TestProject("Shop", "Shop"), "Shop_Deploy", "Deploy")
                .deployment(true);
        TestServer server = new TestServer().type(deploy);
        TeamCityRuntime runtime = TestRuntimes.started(server, directory);
        try {
            runtime.save(TestRuntimes.settings(kind.id(), engine.baseUri().toString(), "indexPrefix", prefix,
                    "allowedParameters", "TARGET, env.*", "labels", "team=payments", "serverName", "tc-eu",
                    "deploymentServiceParameter", "DEPLOY_SERVICE"));
            BuildEventsListener listener = new BuildEventsListener(server, runtime);

            TestBuild first = deployment(deploy, Status.NORMAL, START, "c1", START.minus(Duration.ofHours(4)));
            TestBuild failed = deployment(deploy, Status.FAILURE, START.plus(Duration.ofDays(1)), "c2",
                    START.plus(Duration.ofHours(20)));
            TestBuild fixed = deployment(deploy, Status.NORMAL, START.plus(Duration.ofDays(2)), "c3",
                    START.plus(Duration.ofDays(2)).minus(Duration.ofHours(1)))
                    .queued(START.plus(Duration.ofDays(2)).minusSeconds(45));
            for (TestBuild build : new TestBuild[] {first, failed, fixed}) {
                deploy.finished(build);
                server.knows(build);
                listener.buildFinished(build);
            }
            Waiting.until(() -> runtime.status().shipper() != null && runtime.status().shipper().sent() == 3,
                    runtime::status);

            http.refresh(prefix + "-*");
            JsonNode hits = http.get("/" + prefix + "/_search?size=10&sort=event.end:asc").requireSuccess().json()
                    .path("hits").path("hits");
            assertThat(hits).hasSize(3);
            JsonNode last = hits.get(2).path("_source");
            assertThat(hits.get(2).path("_index").asText()).isEqualTo(prefix + "-2026.03");
            assertThat(last.path("cicd").path("pipeline").path("run").path("id").asText())
                    .isEqualTo(String.valueOf(fixed.getBuildId()));
            assertThat(last.path("event").path("end").asText()).isEqualTo("2026-03-12T09:01:00Z");
            assertThat(last.path("deployment").path("environment").path("name").asText()).isEqualTo("production");
            assertThat(last.path("dora").path("is_production").asBoolean()).isTrue();
            assertThat(last.path("dora").path("deployment").path("previous").path("id").asText()).isNotEmpty();
            assertThat(last.path("dora").path("changes").path("lead_time").get(0).asLong())
                    .isEqualTo(Duration.ofHours(1).plusSeconds(60).toNanos());
            assertThat(last.path("ci").path("pipeline").path("run").path("queue").path("duration").asLong())
                    .isEqualTo(Duration.ofSeconds(45).toNanos());
            assertThat(last.path("labels").path("team").asText()).isEqualTo("payments");
            assertThat(last.path("observer").path("name").asText()).isEqualTo("tc-eu");
            assertThat(last.path("agent").path("type").asText()).isEqualTo("teamcity-plugin");
            assertThat(hits.get(1).path("_source").path("event").path("outcome").asText()).isEqualTo("failure");
            assertThat(hits.toString()).contains("eu-west-1").doesNotContain("hunter2");

            runtime.startBackfill(new BackfillRequest("^Shop :: ", 0));
            Waiting.until(() -> runtime.status().backfill().state() == BackfillProgress.State.FINISHED
                    && runtime.status().shipper().sent() == 6, runtime::status);
            http.refresh(prefix + "-*");
            JsonNode again = http.get("/" + prefix + "/_search?size=10&version=true").requireSuccess().json()
                    .path("hits");
            assertThat(again.path("total").path("value").asInt()).isEqualTo(3);
            assertThat(again.path("hits").get(0).path("_version").asInt()).isEqualTo(2);
            assertThat(runtime.status().backfill().summary())
                    .startsWith("Backfill finished: 1 of 1 build configurations, 3 builds sent");
        } finally {
            runtime.destroy();
        }
    }

    private static TestBuild deployment(TestBuildType type, Status status, Instant start, String commit,
                                        Instant committed) {
        return type.build(status, start, 60)
                .parameter("DEPLOY_ENVIRONMENT", "production").parameter("DEPLOY_SERVICE", "shop")
                .parameter("env.REGION", "eu-west-1").parameter("env.DB_PASSWORD", "hunter2")
                .revision("https://github.com/acme/shop.git", "refs/heads/main", commit + "-sha")
                .branch("<default>", "<default>", true)
                .change(commit, committed);
    }
}
