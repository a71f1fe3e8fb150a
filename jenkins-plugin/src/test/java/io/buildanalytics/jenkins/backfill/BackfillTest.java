package io.buildanalytics.jenkins.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.Result;
import io.buildanalytics.checks.SilentEngine;
import io.buildanalytics.jenkins.HandMadeJenkins.Folder;
import io.buildanalytics.jenkins.HandMadeJenkins.TestJob;
import io.buildanalytics.jenkins.runtime.PluginRuntime;
import io.buildanalytics.jenkins.runtime.TestHost;
import io.buildanalytics.shipper.backfill.Backfill;
import io.buildanalytics.shipper.backfill.BackfillProgress;
import io.buildanalytics.shipper.backfill.BackfillRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backfill: which builds it sends, its checkpoint and resume, and that it refuses to run unconfigured. */
class BackfillTest {

    private static final Instant NOW = Instant.parse("2026-03-31T12:00:00Z");

    @TempDir
    Path dataDirectory;

    private TestHost host;

    @BeforeEach
    void jobs() {
        Folder shop = new Folder(Folder.root(), "shop");
        TestJob build = new TestJob(shop, "build");
        for (int day = 30; day >= 1; day -= 6) { // 5 builds, 30, 24, 18, 12 and 6 days ago
            build.build(Result.SUCCESS, NOW.minus(Duration.ofDays(day)), 1000);
        }
        build.running(NOW);
        TestJob deploy = new TestJob(shop, "deploy");
        deploy.build(Result.SUCCESS, NOW.minus(Duration.ofDays(20)), 1000);
        deploy.build(Result.FAILURE, NOW.minus(Duration.ofDays(2)), 1000);
        deploy.build(Result.SUCCESS, NOW.minus(Duration.ofDays(1)), 1000);
        TestJob lib = new TestJob(new Folder(Folder.root(), "other"), "lib");
        lib.build(Result.SUCCESS, NOW.minus(Duration.ofDays(3)), 1000);
        lib.build(Result.SUCCESS, NOW.minus(Duration.ofDays(2)), 1000);
        host = new TestHost(dataDirectory).job(lib).job(build).job(deploy);
    }

    private PluginRuntime runtime(SilentEngine engine) {
        PluginRuntime runtime = new PluginRuntime(host, Clock.fixed(NOW, ZoneOffset.UTC));
        runtime.apply(TestHost.values("elasticsearch", engine.url()));
        return runtime;
    }

    private static BackfillProgress finished(PluginRuntime runtime) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            BackfillProgress progress = runtime.status().backfill();
            if (progress != null && progress.state() != BackfillProgress.State.RUNNING) {
                return progress;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The backfill did not finish: " + runtime.status().backfill());
    }

    @Test
    void sendsEveryFinishedBuildOfTheMatchingJobsAndCanRunAgain() throws Exception {
        try (SilentEngine engine = new SilentEngine(); PluginRuntime runtime = runtime(engine)) {
            runtime.startBackfill(new BackfillRequest("^shop/", 0));
            BackfillProgress first = finished(runtime);

            assertThat(first.state()).isEqualTo(BackfillProgress.State.FINISHED);
            assertThat(first.jobsTotal()).isEqualTo(2);
            assertThat(first.jobsDone()).isEqualTo(2);
            assertThat(first.runsSent()).isEqualTo(8);
            assertThat(first.summary()).startsWith("Backfill finished: 2 of 2 jobs, 8 builds sent (jobs matching ^shop/");
            assertThat(dataDirectory.resolve(Backfill.CHECKPOINT_FILE)).doesNotExist();

            runtime.startBackfill(new BackfillRequest("", 0));
            assertThat(finished(runtime).runsSent()).isEqualTo(10);
            assertThat(runtime.status().shipper().queued()).isEqualTo(18);
        }
    }

    @Test
    void onlyBuildsOfTheLastDaysWhenAsked() throws Exception {
        try (SilentEngine engine = new SilentEngine(); PluginRuntime runtime = runtime(engine)) {
            runtime.startBackfill(new BackfillRequest("", 7));

            BackfillProgress progress = finished(runtime);

            assertThat(progress.runsSent()).isEqualTo(5); // build: 6 days ago; deploy: 2 and 1; lib: 3 and 2
            assertThat(progress.jobsDone()).isEqualTo(3);
        }
    }

    @Test
    void anInterruptedBackfillResumesAfterTheJobsItFinished() throws Exception {
        Files.writeString(dataDirectory.resolve(Backfill.CHECKPOINT_FILE), "backfill v1\t0\t^shop/\nshop/build\n");

        try (SilentEngine engine = new SilentEngine(); PluginRuntime runtime = runtime(engine)) {
            BackfillProgress resumed = finished(runtime);

            assertThat(resumed.state()).isEqualTo(BackfillProgress.State.FINISHED);
            assertThat(resumed.jobsDone()).isEqualTo(2);
            assertThat(resumed.runsSent()).isEqualTo(3); // only shop/deploy was left
        }
        assertThat(dataDirectory.resolve(Backfill.CHECKPOINT_FILE)).doesNotExist();
    }

    @Test
    void refusesBadRequestsAndRunsOnlyWhenConfigured() {
        assertThatThrownBy(() -> new BackfillRequest("shop/(", 0)).hasMessageContaining("not a valid regular expression");
        assertThatThrownBy(() -> new BackfillRequest("", -1)).hasMessageContaining("0 (all) or more");
        try (PluginRuntime runtime = new PluginRuntime(host, Clock.systemUTC())) {
            assertThatThrownBy(() -> runtime.startBackfill(new BackfillRequest("", 0)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("Save a working configuration");
        }
    }
}
