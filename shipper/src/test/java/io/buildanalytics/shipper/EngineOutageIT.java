package io.buildanalytics.shipper;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildanalytics.localengine.EngineKind;
import io.buildanalytics.localengine.EngineOptions;
import io.buildanalytics.localengine.LocalEngine;
import io.buildanalytics.localengine.LocalEngineExtension;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.schema.IndexNaming;
import io.buildanalytics.shipper.connection.EngineProduct;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine goes away in the middle of a stream of builds and comes back: every event arrives, exactly once.
 * Two ways of going away: the network to it breaks (connections reset and refused), and the engine process
 * freezes (connections accepted, answers never come, requests time out).
 */
class EngineOutageIT {

    @RegisterExtension
    static final LocalEngineExtension ENGINES = new LocalEngineExtension();

    @TempDir
    Path dataDirectory;

    @Test
    void engineUnreachableMidStreamThenBack() throws Exception {
        LocalEngine engine = ENGINES.get(EngineKind.ELASTICSEARCH);
        String prefix = "it-outage-network";
        EngineDocuments engineSide = EngineDocuments.emptied(engine, IndexNaming.withPrefix(prefix));
        List<BuildFacts> runs = Runs.of("shop/outage", 1_500);

        try (Cable cable = new Cable(engine.baseUri());
             Shipper shipper = Shipper.start(TestShippers.settings(EngineProduct.ELASTICSEARCH, cable.uri(), prefix,
                     dataDirectory), HistoryLookup.none())) {
            Thread builds = finishBuilds(shipper, runs);
            Eventually.until(Duration.ofSeconds(60), () -> shipper.status().sent() >= 300,
                    () -> shipper.status().summary());

            cable.unplug();
            Eventually.until(Duration.ofSeconds(30), () -> shipper.status().failing(), () -> shipper.status().summary());
            Thread.sleep(3_000);
            ShipperStatus during = shipper.status();
            cable.plugIn();

            builds.join();
            Eventually.until(Duration.ofSeconds(120), () -> shipper.status().sent() >= runs.size()
                    && shipper.status().queued() == 0, () -> shipper.status().summary());

            assertThat(during.lastError().sentence()).contains(cable.uri().getHost() + ":" + cable.uri().getPort(), "stay queued");
            assertThat(during.sent()).isLessThan(runs.size());
            assertThat(shipper.status().retried()).isPositive();
            assertThat(shipper.status().failing()).isFalse();
        }
        assertThat(engineSide.ids()).hasSize(runs.size()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(Runs.ids(runs));
    }

    @Test
    void engineFrozenMidStreamThenResumed() throws Exception {
        String prefix = "it-outage-frozen";
        List<BuildFacts> runs = Runs.of("shop/frozen", 1_000);
        try (LocalEngine engine = LocalEngine.start(EngineKind.OPENSEARCH, EngineOptions.defaults())) {
            EngineDocuments engineSide = new EngineDocuments(engine, IndexNaming.withPrefix(prefix));
            ShipperSettings settings = TestShippers.settings(engine, prefix, dataDirectory);
            settings = settings.withConnection(settings.connection().withTimeouts(Duration.ofSeconds(1),
                    Duration.ofSeconds(2)));
            try (Shipper shipper = Shipper.start(settings, HistoryLookup.none())) {
                Thread builds = finishBuilds(shipper, runs);
                Eventually.until(Duration.ofSeconds(60), () -> shipper.status().sent() >= 200,
                        () -> shipper.status().summary());

                signal(engine.pid(), "STOP");
                try {
                    Eventually.until(Duration.ofSeconds(30), () -> shipper.status().failing(),
                            () -> shipper.status().summary());
                    assertThat(shipper.status().lastError().sentence()).contains("stay queued");
                } finally {
                    signal(engine.pid(), "CONT");
                }

                builds.join();
                Eventually.until(Duration.ofSeconds(120), () -> shipper.status().sent() >= runs.size()
                        && shipper.status().queued() == 0, () -> shipper.status().summary());
            }
            assertThat(engineSide.ids()).hasSize(runs.size()).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(Runs.ids(runs));
        }
    }

    /** Builds finish at a steady pace on another thread, as they would on a CI server. */
    private static Thread finishBuilds(Shipper shipper, List<BuildFacts> runs) {
        Thread thread = new Thread(() -> {
            for (int i = 0; i < runs.size(); i++) {
                if (!shipper.accept(runs.get(i))) {
                    throw new AssertionError("Run " + i + " was not accepted: " + shipper.status().summary());
                }
                if (i % 10 == 9) {
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "finishing-builds");
        thread.start();
        return thread;
    }

    private static void signal(long pid, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).as("kill -%s %d", signal, pid).isZero();
    }
}
