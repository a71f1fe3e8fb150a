package io.buildanalytics.cli.ship;

import static io.buildanalytics.cli.ship.Ship.buildFlags;
import static io.buildanalytics.cli.ship.Ship.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.buildanalytics.cli.ExitCode;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.shipper.FactsJson;
import io.buildanalytics.shipper.spool.MvStoreSpool;
import io.buildanalytics.shipper.spool.SpoolRecord;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spool side of {@code ship} without an engine: an engine nobody listens on leaves the event queued (exit 7)
 * in the data directory, without credentials, and a spool another process holds is waited for within --wait.
 */
class ShipSpoolTest {

    private static final String NOBODY = "http://127.0.0.1:1";

    @TempDir
    Path dataDirectory;

    private Ship.Run shipToNobody(String... more) {
        return Ship.run(with(buildFlags(), with(List.of(more), "--es", NOBODY, "--wait", "1s",
                "--data-dir", dataDirectory.toString())));
    }

    private static List<BuildFacts> spooled(Path directory) throws Exception {
        try (MvStoreSpool spool = MvStoreSpool.open(directory.resolve("spool"), 1024 * 1024)) {
            return spool.oldest(100).stream().map(SpoolRecord::payload).map(FactsJson::read).toList();
        }
    }

    @Test
    void anUnreachableEngineLeavesTheEventQueuedWithoutCredentials() throws Exception {
        Ship.Run run = shipToNobody("--repository", "https://gitlab-ci-token:glcbt-s3cr3t@gitlab.example.com/shop/app.git");

        assertThat(run.exitCode()).isEqualTo(ExitCode.QUEUED);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("build-analytics: Not delivered within 1 s: Could not reach " + NOBODY)
                .doesNotContain("Events stay queued", "next attempt")
                .endsWith("The event is kept in the spool at " + dataDirectory
                        + "; the next ship run with that data directory delivers it.");
        List<BuildFacts> spooled = spooled(dataDirectory);
        assertThat(spooled).singleElement().satisfies(facts -> {
            assertThat(facts.run().id()).isEqualTo("shop/build#42");
            assertThat(facts.vcs().repositoryUrl()).isEqualTo("https://gitlab.example.com/shop/app.git");
        });
    }

    @Test
    void aSecondUndeliveredRunCountsTheEventLeftBefore() throws Exception {
        assertThat(shipToNobody().exitCode()).isEqualTo(ExitCode.QUEUED);
        List<String> second = buildFlags();
        second.set(second.indexOf("42"), "43");
        Ship.Run run = Ship.run(with(second, "--es", NOBODY, "--wait", "0", "--data-dir", dataDirectory.toString()));

        assertThat(run.exitCode()).isEqualTo(ExitCode.QUEUED);
        assertThat(run.errLines()).singleElement().asString().contains("The event and 1 earlier event are kept in "
                + "the spool at " + dataDirectory + "; the next ship run with that data directory delivers them.");
        assertThat(spooled(dataDirectory)).extracting(facts -> facts.run().id())
                .containsExactly("shop/build#42", "shop/build#43");
    }

    @Test
    void withoutDataDirTheSpoolIsUnderBuildAnalyticsHome() throws Exception {
        Ship.Run run = Ship.run(Map.of(DataDirectory.HOME_VARIABLE, dataDirectory.toString()),
                new ByteArrayInputStream(new byte[0]), with(buildFlags(), "--es", NOBODY, "--wait", "0"));

        assertThat(run.exitCode()).isEqualTo(ExitCode.QUEUED);
        assertThat(run.err()).contains("kept in the spool at " + dataDirectory.resolve("ship"));
        assertThat(spooled(dataDirectory.resolve("ship"))).hasSize(1);
    }

    @Test
    void aSpoolHeldByAnotherProcessUntilTheWaitEndsQueuesNothing() throws Exception {
        try (Holder holder = Holder.start(dataDirectory)) {
            Ship.Run run = shipToNobody();

            assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
            assertThat(run.errLines()).singleElement().asString()
                    .contains("is in use by another process", "nothing was queued", "its own --data-dir");
            holder.release();
        }
        assertThat(spooled(dataDirectory)).isEmpty();
    }

    @Test
    void aSpoolReleasedWithinTheWaitIsUsed() throws Exception {
        CompletableFuture<Ship.Run> shipping;
        try (Holder holder = Holder.start(dataDirectory)) {
            shipping = CompletableFuture.supplyAsync(() -> Ship.run(with(buildFlags(), "--es", NOBODY,
                    "--wait", "4s", "--data-dir", dataDirectory.toString())));
            // Give ship time to find the spool taken; were it slower, the test would pass without the retry.
            Thread.sleep(1000);
            holder.release();
        }
        // Within its wait ship got the spool, queued the event, and then waited for the engine that never answers.
        Ship.Run run = shipping.get(60, TimeUnit.SECONDS);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.QUEUED);
        assertThat(spooled(dataDirectory)).hasSize(1);
    }

    /** {@link SpoolHolderMain} in its own JVM. */
    private static final class Holder implements AutoCloseable {
        private final Process process;

        private Holder(Process process) {
            this.process = process;
        }

        static Holder start(Path dataDirectory) throws Exception {
            String java = ProcessHandle.current().info().command()
                    .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            Process process = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                    SpoolHolderMain.class.getName(), dataDirectory.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            Holder holder = new Holder(process);
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(out.readLine()).as("the holder opened the spool").isEqualTo("OPEN");
            return holder;
        }

        void release() throws Exception {
            OutputStream in = process.getOutputStream();
            in.write('\n');
            in.flush();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the holder exits").isTrue();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }
}
