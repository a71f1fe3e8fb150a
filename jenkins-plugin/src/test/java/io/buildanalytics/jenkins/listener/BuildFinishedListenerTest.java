package io.buildanalytics.jenkins.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import hudson.model.Result;
import io.buildanalytics.checks.SilentEngine;
import io.buildanalytics.jenkins.HandMadeJenkins.Folder;
import io.buildanalytics.jenkins.HandMadeJenkins.TestJob;
import io.buildanalytics.jenkins.HandMadeJenkins.TestRun;
import io.buildanalytics.jenkins.runtime.PluginRuntime;
import io.buildanalytics.jenkins.runtime.TestHost;
import io.buildanalytics.shipper.runtime.RuntimeStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The build-finished callback with the backend down: it returns, spools the event, and never throws. */
class BuildFinishedListenerTest {

    private static final Instant START = Instant.parse("2026-03-10T09:00:00Z");

    @TempDir
    Path dataDirectory;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard only: the callback must not wait on the network
    void spoolsEveryRunWhileTheEngineNeverAnswers() throws Exception {
        TestJob job = new TestJob(new Folder(Folder.root(), "shop"), "build");
        try (SilentEngine engine = new SilentEngine();
             PluginRuntime runtime = new PluginRuntime(new TestHost(dataDirectory).job(job), Clock.systemUTC())) {
            runtime.apply(TestHost.values("elasticsearch", engine.url()));
            BuildFinishedListener listener = new BuildFinishedListener(() -> runtime);
            runtime.queueWaits().leftQueue(41, START.minusSeconds(20), false);

            for (int i = 0; i < 50; i++) {
                TestRun run = job.build(i % 5 == 0 ? Result.FAILURE : Result.SUCCESS, START.plusSeconds(60L * i), 5000);
                if (i == 0) {
                    run.setQueueId(41);
                }
                listener.onFinalized(run);
            }

            RuntimeStatus status = runtime.status();
            assertThat(status.recording()).isTrue();
            assertThat(status.shipper().queued()).isEqualTo(50);
            assertThat(status.shipper().sent()).isZero();
            assertThat(status.unread()).isZero();
            assertThat(runtime.queueWaits().take(41)).isEmpty(); // taken by run #1
        }
    }

    @Test
    void aRunThatCannotBeReadIsCountedAndNothingIsThrown() throws Exception {
        TestJob job = new TestJob(Folder.root(), "broken");
        TestRun broken = new TestRun(job, START.toEpochMilli()) {
            @Override
            public java.util.List<hudson.model.Cause> getCauses() {
                throw new IllegalStateException("build record is corrupt");
            }
        };
        broken.setResult(Result.SUCCESS);
        try (SilentEngine engine = new SilentEngine();
             PluginRuntime runtime = new PluginRuntime(new TestHost(dataDirectory), Clock.systemUTC())) {
            runtime.apply(TestHost.values("opensearch", engine.url()));

            assertThatCode(() -> new BuildFinishedListener(() -> runtime).onFinalized(broken)).doesNotThrowAnyException();
            assertThat(runtime.status().unread()).isEqualTo(1);
        }
        assertThatCode(() -> new BuildFinishedListener(() -> {
            throw new IllegalStateException("Jenkins is shutting down");
        }).onFinalized(broken)).doesNotThrowAnyException();
    }

    @Test
    void anUnconfiguredOrDisabledPluginRecordsNothing() {
        TestJob job = new TestJob(Folder.root(), "quiet");
        try (PluginRuntime runtime = new PluginRuntime(new TestHost(dataDirectory), Clock.systemUTC())) {
            runtime.apply(TestHost.values("elasticsearch", ""));
            new BuildFinishedListener(() -> runtime).onFinalized(job.build(Result.SUCCESS, START, 1));

            assertThat(runtime.status().recording()).isFalse();
            assertThat(runtime.status().state()).startsWith("Not configured");
            assertThat(dataDirectory.resolve("spool")).doesNotExist();
        }
    }
}
