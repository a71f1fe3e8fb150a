package io.buildanalytics.bench;

import io.buildanalytics.bench.backfill.BackfillTime;
import io.buildanalytics.bench.callback.CallbackCost;
import io.buildanalytics.bench.dashboards.PanelLatency;
import io.buildanalytics.bench.delivery.DeliveryThroughput;
import io.buildanalytics.bench.engine.BenchEngine;
import io.buildanalytics.bench.memory.ShipperHeap;
import io.buildanalytics.bench.report.Machine;
import io.buildanalytics.bench.report.Results;
import io.buildanalytics.bench.report.Section;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the benchmarks one after another in one JVM (JMH forks its own), and writes one results table. The parts
 * that need no engine run before it starts, so that nothing else competes for the machine while they are timed.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measures the build callback, the shipper's heap, delivery, backfill and the dashboards' "
                + "queries against a local Elasticsearch, and writes results.md and results.json.")
public final class BenchCommand implements Callable<Integer> {

    /** The parts, in the order they run. */
    public enum Part { CALLBACK, MEMORY, DELIVERY, BACKFILL, DASHBOARDS }

    @Option(names = "--scale", defaultValue = "full",
            description = "full (the sizes the README reports, about 15 minutes) or smoke (tiny sizes, proves the "
                    + "suite runs; its numbers mean nothing). Default: ${DEFAULT-VALUE}.")
    String scale;

    @Option(names = "--out", defaultValue = "bench/results", description = "Directory for results.md and "
            + "results.json. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--engine-heap", defaultValue = "512m", description = "Heap of the local Elasticsearch. "
            + "Default: ${DEFAULT-VALUE} (the reference figures' setting).")
    String engineHeap;

    @Option(names = "--only", split = ",", description = "Run only these parts: ${COMPLETION-CANDIDATES}.")
    Set<Part> only;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Scale sizes = Scale.named(scale);
        Set<Part> parts = only == null || only.isEmpty() ? EnumSet.allOf(Part.class) : EnumSet.copyOf(only);
        Machine machine = Machine.current();
        Instant started = Instant.now();
        List<Section> sections = new ArrayList<>();
        if (parts.contains(Part.CALLBACK)) {
            sections.add(announce(CallbackCost.measure(sizes)));
        }
        if (parts.contains(Part.MEMORY)) {
            sections.add(announce(new ShipperHeap(sizes).measure()));
        }
        String engineUsed = "none (only in-process parts were run)";
        if (parts.contains(Part.DELIVERY) || parts.contains(Part.BACKFILL) || parts.contains(Part.DASHBOARDS)) {
            try (BenchEngine engine = BenchEngine.start(engineHeap)) {
                engineUsed = engine.describe();
                if (parts.contains(Part.DELIVERY)) {
                    sections.add(announce(new DeliveryThroughput(engine, sizes).measure()));
                }
                if (parts.contains(Part.BACKFILL)) {
                    sections.add(announce(new BackfillTime(engine, sizes).measure()));
                }
                if (parts.contains(Part.DASHBOARDS)) {
                    sections.add(announce(new PanelLatency(engine, sizes).measure()));
                }
            }
        }
        Results results = new Results(sizes.name(), started, Duration.between(started, Instant.now()), machine,
                engineUsed, sections);
        write(results);
        return 0;
    }

    private static Section announce(Section section) {
        System.out.println("\n== " + section.title() + " done");
        return section;
    }

    private void write(Results results) throws IOException {
        Files.createDirectories(out);
        Path markdown = out.resolve("results.md");
        Path json = out.resolve("results.json");
        Files.writeString(markdown, results.markdown(), StandardCharsets.UTF_8);
        Files.writeString(json, results.json(), StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(results.markdown());
        System.out.println("Written: " + markdown + " and " + json);
    }
}
