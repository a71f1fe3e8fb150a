package io.buildanalytics.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hudson.model.Result;
import io.buildanalytics.jenkins.HandMadeJenkins.Commit;
import io.buildanalytics.jenkins.HandMadeJenkins.Folder;
import io.buildanalytics.jenkins.HandMadeJenkins.Parameter;
import io.buildanalytics.jenkins.HandMadeJenkins.TestJob;
import io.buildanalytics.jenkins.HandMadeJenkins.TestRun;
import io.buildanalytics.jenkins.listener.QueueWaits;
import io.buildanalytics.jenkins.runtime.PluginRuntime;
import io.buildanalytics.jenkins.runtime.TestHost;
import io.buildanalytics.jenkins.settings.FormValues;
import io.buildanalytics.localengine.EngineHttp;
import io.buildanalytics.localengine.EngineKind;
import io.buildanalytics.localengine.LocalEngine;
import io.buildanalytics.localengine.LocalEngineExtension;
import io.buildanalytics.shipper.backfill.BackfillProgress;
import io.buildanalytics.shipper.backfill.BackfillRequest;
import io.buildanalytics.shipper.check.ConnectionVerdict;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The plugin end to end on real engines: hand-made runs finish, the runtime spools them, the shipper derives
 * deployments and lead times from the job's history and indexes them; a backfill of the same builds overwrites
 * instead of duplicating; the connection test judges the page's values.
 */
class JenkinsDeliveryIT {

    @RegisterExtension
    static final LocalEngineExtension ENGINES = new LocalEngineExtension();

    private static final Instant START = Instant.parse("2026-03-10T09:00:00Z");

    @TempDir
    Path dataDirectory;

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void finishedBuildsBecomeEventsWithDerivedDeploymentsAndABackfillOverwritesThem(EngineKind kind,
                                                                                  LocalEngine engine) throws Exception {
        String prefix = "it-jenkins-" + kind.id();
        EngineHttp http = new EngineHttp(engine.baseUri());
        http.delete("/" + prefix + "-*");
        TestJob deploy = new TestJob(new Folder(Folder.root(), "shop"), "deploy");
        TestHost host = new TestHost(dataDirectory).job(deploy);
        FormValues defaults = TestHost.values(kind.id(), engine.baseUri().toString());
        FormValues values = new FormValues(true, kind.id(), defaults.urls(), "", "apiKey", "", prefix, "", false,
                true, "", "", "DEPLOY_ENVIRONMENT", "DEPLOY_SERVICE", "", "TARGET", "team=payments", 64, false,
                "ci-eu");

        try (PluginRuntime runtime = new PluginRuntime(host, Clock.systemUTC())) {
            runtime.apply(values);
            assertThat(runtime.testConnection(values).level()).isNotEqualTo(ConnectionVerdict.Level.FAILED);
            QueueWaits waits = runtime.queueWaits();

            TestRun first = deployment(deploy, Result.SUCCESS, START, "c1", START.minus(Duration.ofHours(4)));
            TestRun failed = deployment(deploy, Result.FAILURE, START.plus(Duration.ofDays(1)), "c2",
                    START.plus(Duration.ofHours(20)));
            TestRun fixed = deployment(deploy, Result.SUCCESS, START.plus(Duration.ofDays(2)), "c3",
                    START.plus(Duration.ofDays(2)).minus(Duration.ofHours(1)));
            waits.leftQueue(77, START.plus(Duration.ofDays(2)).minusSeconds(45), false);
            fixed.setQueueId(77);
            for (TestRun run : new TestRun[] {first, failed, fixed}) {
                runtime.onFinished(run);
            }
            waitUntil(() -> runtime.status().shipper().sent() == 3, runtime);

            http.refresh(prefix + "-*");
            JsonNode hits = http.get("/" + prefix + "/_search?size=10&sort=event.end:asc").requireSuccess().json()
                    .path("hits").path("hits");
            assertThat(hits).hasSize(3);
            JsonNode last = hits.get(2).path("_source");
            assertThat(hits.get(2).path("_index").asText()).isEqualTo(prefix + "-2026.03");
            assertThat(last.path("cicd").path("pipeline").path("run").path("id").asText()).isEqualTo("shop/deploy#3");
            assertThat(last.path("deployment").path("environment").path("name").asText()).isEqualTo("production");
            assertThat(last.path("dora").path("is_production").asBoolean()).isTrue();
            assertThat(last.path("dora").path("deployment").path("previous").path("id").asText()).isNotEmpty();
            assertThat(last.path("dora").path("changes").path("lead_time").get(0).asLong())
                    .isEqualTo(Duration.ofHours(1).plusSeconds(60).toNanos());
            assertThat(last.path("ci").path("pipeline").path("run").path("queue").path("duration").asLong())
                    .isEqualTo(Duration.ofSeconds(45).toNanos());
            assertThat(last.path("labels").path("team").asText()).isEqualTo("payments");
            assertThat(last.path("observer").path("name").asText()).isEqualTo("ci-eu");
            assertThat(last.path("agent").path("type").asText()).isEqualTo("jenkins-plugin");
            assertThat(hits.toString()).doesNotContain("hunter2");

            runtime.startBackfill(new BackfillRequest("", 0));
            waitUntil(() -> runtime.status().backfill().state() == BackfillProgress.State.FINISHED
                    && runtime.status().shipper().sent() == 6, runtime);
            http.refresh(prefix + "-*");
            JsonNode again = http.get("/" + prefix + "/_search?size=10&version=true").requireSuccess().json()
                    .path("hits");
            assertThat(again.path("total").path("value").asInt()).isEqualTo(3);
            assertThat(again.path("hits").get(0).path("_version").asInt()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void theConnectionTestFailsForAnEngineThatIsNotThere(EngineKind kind) throws Exception {
        try (PluginRuntime runtime = new PluginRuntime(new TestHost(dataDirectory), Clock.systemUTC())) {
            int port;
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            ConnectionVerdict verdict = runtime.testConnection(TestHost.values(kind.id(), "http://127.0.0.1:" + port));

            assertThat(verdict.level()).isEqualTo(ConnectionVerdict.Level.FAILED);
            assertThat(verdict.headline()).contains("127.0.0.1:" + port);
            assertThat(runtime.testConnection(TestHost.values(kind.id(), "not a url")).headline())
                    .contains("must start with https://");
        }
    }

    private static TestRun deployment(TestJob job, Result result, Instant start, String commit, Instant committed) {
        return job.build(result, start, Duration.ofMinutes(1).toMillis())
                .parameters(Parameter.of("DEPLOY_ENVIRONMENT", "production"), Parameter.of("DEPLOY_SERVICE", "shop"),
                        Parameter.of("TARGET", "eu"), Parameter.password("TOKEN", "hunter2"))
                .commits(new Commit(commit, committed.toEpochMilli()));
    }

    private static void waitUntil(BooleanSupplier condition, PluginRuntime runtime) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out; status: " + runtime.status());
            }
            Thread.sleep(100);
        }
    }
}
