package io.buildanalytics.teamcity.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.buildanalytics.checks.SilentEngine;
import io.buildanalytics.shipper.runtime.RuntimeStatus;
import io.buildanalytics.shipper.settings.FieldChecks;
import io.buildanalytics.teamcity.HandMadeTeamCity.TestBuild;
import io.buildanalytics.teamcity.HandMadeTeamCity.TestBuildType;
import io.buildanalytics.teamcity.HandMadeTeamCity.TestProject;
import io.buildanalytics.teamcity.HandMadeTeamCity.TestServer;
import io.buildanalytics.teamcity.Waiting;
import io.buildanalytics.teamcity.listener.BuildEventsListener;
import io.buildanalytics.teamcity.settings.SettingsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import jetbrains.buildServer.messages.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The runtime behind TeamCity's callbacks, with an engine that never answers. */
class TeamCityRuntimeTest {

    private static final Instant START = Instant.parse("2026-03-10T09:00:00Z");

    @TempDir
    Path directory;

    private final TestBuildType type = new TestBuildType(new TestProject("Shop", "Shop"), "Shop_Build", "Build");
    private final TestServer server = new TestServer().type(type);

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard only: the callback must not wait on anything
    void callbacksOnlyHandBuildsOverAndEveryBuildIsSpooledWhileTheEngineNeverAnswers() throws Exception {
        try (SilentEngine engine = new SilentEngine()) {
            TeamCityRuntime runtime = TestRuntimes.started(server, directory);
            runtime.save(TestRuntimes.settings("elasticsearch", engine.url()));
            BuildEventsListener listener = new BuildEventsListener(server, runtime);
            String callbackThread = Thread.currentThread().getName();

            TestBuild[] builds = new TestBuild[50];
            for (int i = 0; i < builds.length; i++) {
                builds[i] = type.build(i % 5 == 0 ? Status.FAILURE : Status.NORMAL, START.plusSeconds(60L * i), 30);
                listener.buildFinished(builds[i]);
            }
            Waiting.until(() -> runtime.status().shipper().queued() == 50, runtime::status);

            RuntimeStatus status = runtime.status();
            assertThat(status.shipper().sent()).isZero();
            assertThat(status.unread()).isZero();
            for (TestBuild build : builds) {
                assertThat(build.readBy).doesNotContain(callbackThread).containsExactly("build-analytics-reader");
            }
            runtime.destroy();
        }
    }

    @Test
    void aCancelledBuildReportedTwiceIsOneEventAndAMarkedBuildIsSentAgain() throws Exception {
        try (SilentEngine engine = new SilentEngine()) {
            TeamCityRuntime runtime = TestRuntimes.started(server, directory);
            runtime.save(TestRuntimes.settings("opensearch", engine.url()));
            BuildEventsListener listener = new BuildEventsListener(server, runtime);
            TestBuild cancelled = type.build(Status.UNKNOWN, START, 10);

            listener.buildInterrupted(cancelled);
            listener.buildFinished(cancelled);
            Waiting.until(() -> runtime.status().shipper().queued() == 1, runtime::status);
            cancelled.finish();
            listener.buildProblemsChanged(cancelled, java.util.List.of(), java.util.List.of());
            Waiting.until(() -> runtime.status().shipper().queued() == 2, runtime::status);
            listener.buildProblemsChanged(type.build(Status.FAILURE, START, 10), java.util.List.of(), java.util.List.of());

            Thread.sleep(200);
            assertThat(runtime.status().shipper().queued()).isEqualTo(2); // a running build's problems are not news
            runtime.destroy();
        }
    }

    @Test
    void aBuildThatCannotBeReadIsCountedAndNothingIsThrown() throws Exception {
        try (SilentEngine engine = new SilentEngine()) {
            TeamCityRuntime runtime = TestRuntimes.started(server, directory);
            runtime.save(TestRuntimes.settings("elasticsearch", engine.url()));
            TestBuild broken = type.build(Status.NORMAL, START, 10).broken(new IllegalStateException("corrupt"));

            assertThatCode(() -> runtime.onFinished(broken, false)).doesNotThrowAnyException();
            assertThatCode(() -> runtime.onFinished(null, false)).doesNotThrowAnyException();
            Waiting.until(() -> runtime.status().unread() == 1, runtime::status);
            assertThat(runtime.statusLines()).anyMatch(line -> line.contains("1 finished builds could not be read"));
            runtime.destroy();
        }
    }

    @Test
    void invalidSettingsNameTheirFieldAndChangeNothing() throws Exception {
        TeamCityRuntime runtime = TestRuntimes.started(server, directory);

        assertThatThrownBy(() -> runtime.save(TestRuntimes.settings("elasticsearch", "ftp://es:9200")))
                .isInstanceOfSatisfying(FieldChecks.InvalidField.class, e -> assertThat(e.field()).isEqualTo("urls"));
        assertThatThrownBy(() -> runtime.save(TestRuntimes.settings("elasticsearch", "https://es:9200",
                "authType", "token"))).isInstanceOfSatisfying(FieldChecks.InvalidField.class,
                        e -> assertThat(e.field()).isEqualTo("secret"));
        assertThatThrownBy(() -> runtime.save(TestRuntimes.settings("amazon-opensearch", "https://es:9200")))
                .isInstanceOfSatisfying(FieldChecks.InvalidField.class,
                        e -> assertThat(e.field()).isEqualTo("awsRegion"));

        assertThat(Files.exists(directory.resolve("config").resolve(SettingsStore.FILE_NAME))).isFalse();
        assertThat(runtime.status().recording()).isFalse();
        assertThat(runtime.statusLines().get(0)).startsWith("Not configured yet");
        runtime.destroy();
    }

    @Test
    void savedSettingsAreAppliedAgainAtTheNextStartAndUnloadingLeavesNothingRunning() throws Exception {
        try (SilentEngine engine = new SilentEngine()) {
            TeamCityRuntime first = TestRuntimes.started(server, directory);
            first.save(TestRuntimes.settings("elasticsearch", engine.url()));
            assertThat(first.status().recording()).isTrue();
            first.destroy();
            assertThat(TestRuntimes.readerStopped(first)).isTrue();
            assertThat(first.status().recording()).isFalse();

            TeamCityRuntime second = TestRuntimes.started(server, directory);
            assertThat(second.status().recording()).isTrue();
            assertThat(second.settings().get("urls")).isEqualTo(engine.url());
            second.destroy();
        }
    }
}
