package io.buildanalytics.bench.backfill;

import io.buildanalytics.bench.Scale;
import io.buildanalytics.bench.data.BenchHistory;
import io.buildanalytics.bench.data.BenchSender;
import io.buildanalytics.bench.data.Scratch;
import io.buildanalytics.bench.engine.BenchEngine;
import io.buildanalytics.bench.report.Measurement;
import io.buildanalytics.bench.report.Section;
import io.buildanalytics.bench.report.Unit;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.schema.IndexNaming;
import io.buildanalytics.shipper.Shipper;
import io.buildanalytics.shipper.ShipperSettings;
import io.buildanalytics.shipper.backfill.Backfill;
import io.buildanalytics.shipper.backfill.BackfillProgress;
import io.buildanalytics.shipper.backfill.BackfillRequest;
import io.buildanalytics.shipper.backfill.BackfillSource;
import io.buildanalytics.shipper.spool.SpoolException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plugin's "send the history" button on a server with a long history: the product's {@link Backfill} reading
 * every job's builds through the shipper, with the plugins' default disk budget and batching, timed until the last
 * event is searchable.
 */
public final class BackfillTime {

    public static final String TITLE = "Backfill: historic builds to searchable";

    private final BenchEngine engine;
    private final Scale scale;

    public BackfillTime(BenchEngine engine, Scale scale) {
        this.engine = engine;
        this.scale = scale;
    }

    public Section measure() throws SpoolException {
        BenchHistory history = BenchHistory.first(scale.backfillBuilds());
        HistorySource source = new HistorySource(history.runs());
        IndexNaming naming = IndexNaming.withPrefix("bench-backfill");
        engine.deleteIndices("bench-*");
        Path directory = Scratch.directory("backfill");
        long total = history.runs().size();
        try {
            long start = System.nanoTime();
            try (Shipper shipper = Shipper.start(BenchSender.settings(engine.connection(), naming, directory),
                    history.lookup())) {
                Backfill backfill = Backfill.start(new BackfillRequest("", 0), source, shipper, directory,
                        Clock.systemUTC());
                Thread reader = new Thread(backfill, "bench-backfill");
                reader.start();
                while (shipper.status().sent() + shipper.status().deadLettered() < total) {
                    if (!reader.isAlive() && backfill.progress().state() != BackfillProgress.State.FINISHED) {
                        throw new IllegalStateException("The backfill ended early: " + backfill.progress().summary());
                    }
                    Thread.sleep(10);
                }
                reader.join();
                if (shipper.status().deadLettered() > 0) {
                    throw new IllegalStateException("The engine refused events: " + shipper.status().summary());
                }
            }
            long searchable = engine.count(naming.indexPattern());
            double seconds = (System.nanoTime() - start) / 1e9;
            if (searchable != total) {
                throw new IllegalStateException("After the backfill " + searchable + " events are searchable, not " + total);
            }
            engine.deleteIndices("bench-*");
            String subject = Unit.COUNT.format(total) + " builds of " + Unit.COUNT.format(source.pipelineCount()) + " jobs";
            return new Section(TITLE, "`Backfill` (all jobs, all builds) read from an in-memory history of the demo's "
                    + "teams, each job's builds newest first as the plugins read them, through a shipper with the "
                    + "plugins' defaults (256 MB disk budget, of which the backfill leaves half to live builds; batches "
                    + "of 500; 500 ms linger) into Elasticsearch; timed from the shipper's start to the count "
                    + "after a refresh finding every event.", List.of(
                    Measurement.of(TITLE, subject, "seconds, facts to searchable", seconds, Unit.SECONDS),
                    Measurement.of(TITLE, subject, "builds/s", total / seconds, Unit.EVENTS_PER_SECOND)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } finally {
            Scratch.delete(directory);
        }
    }

    /** The history as a CI server holds it: per job, builds newest first. */
    private static final class HistorySource implements BackfillSource {

        private final Map<String, List<BuildFacts>> byPipeline = new LinkedHashMap<>();

        HistorySource(List<BuildFacts> runs) {
            for (BuildFacts run : runs) {
                byPipeline.computeIfAbsent(run.pipeline().id(), id -> new ArrayList<>()).add(run);
            }
            byPipeline.values().forEach(list -> list.sort(Comparator.comparing(BuildFacts::finishedAt).reversed()));
        }

        int pipelineCount() {
            return byPipeline.size();
        }

        @Override
        public Iterable<String> pipelines() {
            return byPipeline.keySet();
        }

        @Override
        public Iterator<BuildFacts> runs(String pipeline, Instant since) {
            return byPipeline.getOrDefault(pipeline, List.of()).stream()
                    .filter(run -> run.startedAt() == null || !run.startedAt().isBefore(since)).iterator();
        }
    }
}
