package io.buildanalytics.shipper;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildanalytics.localengine.EngineKind;
import io.buildanalytics.localengine.LocalEngine;
import io.buildanalytics.localengine.LocalEngineExtension;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.schema.IndexNaming;
import io.buildanalytics.shipper.connection.EngineProduct;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI server dies with {@code kill -9} while the shipper is in the middle of delivering; after the restart
 * every build it had accepted is in the engine exactly once.
 */
class ShipperCrashIT {

    @RegisterExtension
    static final LocalEngineExtension ENGINES = new LocalEngineExtension();

    @TempDir
    Path dataDirectory;

    @Test
    void killedMidBatchThenRestartedDeliversEveryAcceptedEventOnce() throws Exception {
        LocalEngine engine = ENGINES.get(EngineKind.ELASTICSEARCH);
        String prefix = "it-crash";
        String job = "shop/crash";
        int count = 3_000;
        EngineDocuments engineSide = EngineDocuments.emptied(engine, IndexNaming.withPrefix(prefix));

        Process ci = new ProcessBuilder(javaCommand(), "-cp", System.getProperty("java.class.path"),
                ShippingProcess.class.getName(), EngineProduct.ELASTICSEARCH.name(), engine.baseUri().toString(),
                prefix, dataDirectory.toString(), job, Integer.toString(count))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        int accepted = 0;
        long sentWhenKilled = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(ci.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("accepted ")) {
                    accepted = Integer.parseInt(line.substring("accepted ".length()));
                }
                // Kill while deliveries are under way: some sent, more queued, and builds still finishing.
                if (sentWhenKilled < 0 && (line.startsWith("status ") || accepted % 100 == 0)) {
                    long sent = engineSide.count();
                    if (sent > 0 && (accepted >= count / 2 || sent < accepted)) {
                        // SIGKILL through the handle: Process.destroyForcibly() would also close our end of the
                        // pipe, losing acknowledgements the child wrote just before it died. Read those too.
                        ci.toHandle().destroyForcibly();
                        sentWhenKilled = sent;
                    }
                }
            }
        }
        assertThat(ci.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ci.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        assertThat(sentWhenKilled).as("killed mid-stream").isPositive().isLessThan(count);
        assertThat(accepted).isPositive();

        List<BuildFacts> acceptedRuns = new ArrayList<>(Runs.of(job, accepted));
        try (Shipper restarted = Shipper.start(TestShippers.settings(engine, prefix, dataDirectory),
                HistoryLookup.none())) {
            Eventually.until(Duration.ofSeconds(120), () -> restarted.status().queued() == 0,
                    () -> restarted.status().summary());
        }

        List<String> ids = engineSide.ids();
        assertThat(ids).doesNotHaveDuplicates().containsAll(Runs.ids(acceptedRuns));
        // The build whose accept was cut short by the kill may or may not have made it; nothing else may appear.
        assertThat(ids.size()).isBetween(accepted, accepted + 1);
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
