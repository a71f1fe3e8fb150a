package io.buildanalytics.shipper;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildanalytics.localengine.EngineKind;
import io.buildanalytics.localengine.LocalEngine;
import io.buildanalytics.localengine.LocalEngineExtension;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.schema.IndexNaming;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Stop, restart, reconfigure and the disk budget, as a plugin unload or a server restart exercises them. */
class ShipperLifecycleIT {

    @RegisterExtension
    static final LocalEngineExtension ENGINES = new LocalEngineExtension();

    @TempDir
    Path dataDirectory;

    @Test
    void closeLeavesNoThreadBehindAndARestartResumesTheSpool() throws Exception {
        LocalEngine engine = ENGINES.get(EngineKind.OPENSEARCH);
        String prefix = "it-lifecycle";
        EngineDocuments engineSide = EngineDocuments.emptied(engine, IndexNaming.withPrefix(prefix));
        List<BuildFacts> runs = Runs.of("shop/lifecycle", 80);
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());

        // The server goes down while the engine is unreachable: the runs wait in the spool.
        try (Shipper shipper = Shipper.start(TestShippers.settings(TestShippers.productOf(engine.kind()),
                TestShippers.unusedLocalUrl(), prefix, dataDirectory), HistoryLookup.none())) {
            runs.forEach(shipper::accept);
            Eventually.until(Duration.ofSeconds(30), () -> shipper.status().failing(), () -> shipper.status().summary());
            assertThat(shipper.status().queued()).isEqualTo(runs.size());
        }
        assertNoThreadsLeftSince(before);

        // It comes back with the engine reachable: what was queued is delivered, once.
        try (Shipper shipper = Shipper.start(TestShippers.settings(engine, prefix, dataDirectory), HistoryLookup.none())) {
            assertThat(shipper.status().queued()).isEqualTo(runs.size());
            Eventually.until(Duration.ofSeconds(60), () -> shipper.status().sent() == runs.size(),
                    () -> shipper.status().summary());
        }
        assertNoThreadsLeftSince(before);
        assertThat(engineSide.ids()).containsExactlyInAnyOrderElementsOf(Runs.ids(runs));
    }

    @Test
    void atTheDiskBudgetTheOldestAreDroppedCountedAndTheNewestDelivered() throws Exception {
        LocalEngine engine = ENGINES.get(EngineKind.ELASTICSEARCH);
        String prefix = "it-budget";
        EngineDocuments engineSide = EngineDocuments.emptied(engine, IndexNaming.withPrefix(prefix));
        List<BuildFacts> runs = Runs.of("shop/budget", 3_000);
        ShipperSettings unreachable = TestShippers.settings(TestShippers.productOf(engine.kind()), TestShippers.unusedLocalUrl(),
                prefix, dataDirectory).withDiskBudget(1024 * 1024);

        try (Shipper shipper = Shipper.start(unreachable, HistoryLookup.none())) {
            for (BuildFacts run : runs) {
                assertThat(shipper.accept(run)).isTrue();
            }
            ShipperStatus full = shipper.status();
            assertThat(full.dropped()).isPositive();
            assertThat(full.dropped() + full.queued()).isEqualTo(runs.size());
            assertThat(full.queuedBytes()).isLessThanOrEqualTo(full.budgetBytes());
            assertThat(full.summary()).contains(full.dropped() + " dropped");
            assertThat(full.warnings()).anyMatch(warning -> warning.startsWith(full.dropped() + " events were dropped"));

            shipper.reconfigure(unreachable.withConnection(TestShippers.settings(engine, prefix, dataDirectory)
                    .connection()));
            Eventually.until(Duration.ofSeconds(60), () -> shipper.status().queued() == 0,
                    () -> shipper.status().summary());
            int kept = (int) full.queued();
            assertThat(engineSide.ids()).containsExactlyInAnyOrderElementsOf(
                    Runs.ids(runs.subList(runs.size() - kept, runs.size())));
        }
    }


    private static void assertNoThreadsLeftSince(Set<Thread> before) {
        Eventually.until(Duration.ofSeconds(10), () -> newLiveThreads(before).isEmpty(),
                () -> "threads still alive: " + newLiveThreads(before));
    }

    private static Set<String> newLiveThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && !before.contains(thread))
                .filter(thread -> !thread.getName().startsWith("process reaper"))
                .map(Thread::getName)
                .collect(Collectors.toSet());
    }
}
