package io.buildanalytics.bench.memory;

import io.buildanalytics.bench.Scale;
import io.buildanalytics.bench.data.BenchHistory;
import io.buildanalytics.bench.data.BenchSender;
import io.buildanalytics.bench.data.Scratch;
import io.buildanalytics.bench.engine.ClosedPort;
import io.buildanalytics.bench.report.Measurement;
import io.buildanalytics.bench.report.Section;
import io.buildanalytics.bench.report.Unit;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.schema.IndexNaming;
import io.buildanalytics.shipper.HistoryLookup;
import io.buildanalytics.shipper.Shipper;
import io.buildanalytics.shipper.ShipperSettings;
import io.buildanalytics.shipper.spool.SpoolException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The heap a shipper holds while its spool grows during an engine outage, and after a restart on a full spool: the
 * events are on disk, so the heap must not grow with them. Measured as the heap in use after full collections,
 * minus the same figure before the shipper started.
 */
public final class ShipperHeap {

    public static final String TITLE = "Memory: heap held by the shipper";
    /** MVStore's page cache (16 MB by default) fills as the spool grows; anything past it would grow with events. */
    private static final double FLAT_MARGIN_MB = 32;

    private final Scale scale;

    public ShipperHeap(Scale scale) {
        this.scale = scale;
    }

    public Section measure() throws SpoolException {
        List<BuildFacts> builds = BenchHistory.Team.generate(0).runs();
        Path directory = Scratch.directory("heap");
        List<Measurement> rows = new ArrayList<>();
        try {
            ShipperSettings settings = BenchSender.settings(ClosedPort.connection(), IndexNaming.withPrefix("bench-heap"),
                    directory).withDiskBudget(64L * 1024 * 1024 * 1024);
            long baseline = heapInUse();
            double empty = 0;
            long spooled = 0;
            try (Shipper shipper = Shipper.start(settings, HistoryLookup.none())) {
                for (int point : scale.heapPoints()) {
                    while (spooled < point) {
                        if (!shipper.accept(builds.get((int) (spooled % builds.size())))) {
                            throw new IllegalStateException("The spool refused an event: " + shipper.status().summary());
                        }
                        spooled++;
                    }
                    double held = megabytes(heapInUse() - baseline);
                    empty = point == 0 ? held : empty;
                    rows.addAll(row(subject(point, ""), held, empty, Scratch.size(directory), point == last()));
                }
            }
            long closed = heapInUse();
            try (Shipper restarted = Shipper.start(settings, HistoryLookup.none())) {
                if (restarted.status().queued() != spooled) {
                    throw new IllegalStateException("After the restart the spool holds " + restarted.status().queued()
                            + " events, not " + spooled);
                }
                double held = megabytes(heapInUse() - closed);
                rows.addAll(row(subject(spooled, ", after a restart"), held, empty, Scratch.size(directory), true));
            }
        } finally {
            Scratch.delete(directory);
        }
        return new Section(TITLE, "One shipper, engine unreachable, spool budget large enough to keep everything, "
                + "builds accepted until the spool holds each count. Heap held: heap in use after three full "
                + "collections (`System.gc()`, G1) minus the same before the shipper started; the restart row "
                + "closes the shipper and starts a new one on the full spool, as after a CI server restart. "
                + "Target: flat, no more than " + (int) FLAT_MARGIN_MB + " MB above the empty spool (MVStore's page "
                + "cache is 16 MB).", rows);
    }

    private int last() {
        return scale.heapPoints().get(scale.heapPoints().size() - 1);
    }

    private static String subject(long events, String suffix) {
        return Unit.COUNT.format(events) + " events spooled" + suffix;
    }

    private static List<Measurement> row(String subject, double held, double empty, long spoolBytes, boolean judged) {
        Measurement heap = Measurement.of(TITLE, subject, "heap held", held, Unit.MEGABYTES);
        if (judged) {
            heap = heap.against("≤ empty + " + (int) FLAT_MARGIN_MB + " MB", held <= empty + FLAT_MARGIN_MB);
        }
        return List.of(heap, Measurement.of(TITLE, subject, "spool on disk", megabytes(spoolBytes), Unit.MEGABYTES));
    }

    private static double megabytes(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    static long heapInUse() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
