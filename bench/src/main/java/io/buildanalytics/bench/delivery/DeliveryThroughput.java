package io.buildanalytics.bench.delivery;

import io.buildanalytics.bench.Scale;
import io.buildanalytics.bench.data.BenchEvents;
import io.buildanalytics.bench.data.BenchHistory;
import io.buildanalytics.bench.data.BenchSender;
import io.buildanalytics.bench.data.EventBatches;
import io.buildanalytics.bench.data.Scratch;
import io.buildanalytics.bench.engine.BenchEngine;
import io.buildanalytics.bench.engine.ClosedPort;
import io.buildanalytics.bench.report.Measurement;
import io.buildanalytics.bench.report.Section;
import io.buildanalytics.bench.report.Unit;
import io.buildanalytics.model.event.BuildEvent;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.schema.IndexNaming;
import io.buildanalytics.shipper.Shipper;
import io.buildanalytics.shipper.ShipperSettings;
import io.buildanalytics.shipper.ShipperStatus;
import io.buildanalytics.shipper.spool.SpoolException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Events per second from the spool into the engine, beside two references measured in the same run against the
 * same engine with the same events: the engine's own ceiling (pre-built {@code _bulk} bodies of the same batch
 * size posted by a plain client) and one request per build, the pattern of plugins that send synchronously.
 */
public final class DeliveryThroughput {

    public static final String TITLE = "Delivery throughput into Elasticsearch";
    private static final int BATCH = ShipperSettings.DEFAULT_BATCH_SIZE;
    private static final String SHIPPER = "Shipper: spool → indexed";
    private static final String RAW_BEFORE = "Raw `_bulk` ceiling, before the shipper";
    private static final String RAW_AFTER = "Raw `_bulk` ceiling, after the shipper";
    private static final String SINGLE = "One request per build";

    private final BenchEngine engine;
    private final Scale scale;

    public DeliveryThroughput(BenchEngine engine, Scale scale) {
        this.engine = engine;
        this.scale = scale;
    }

    public Section measure() throws SpoolException {
        BenchHistory history = BenchHistory.first(scale.deliveryEvents());
        List<BuildEvent> events = BenchEvents.of(history.runs(), history.lookup(), IndexNaming.withPrefix("bench-events"));
        engine.deleteIndices("bench-*");
        for (String prefix : List.of("bench-warm-raw", "bench-warm-shipper", "bench-raw-before", "bench-shipper",
                "bench-raw-after", "bench-single")) {
            engine.installTemplate(IndexNaming.withPrefix(prefix));
        }
        // Both sides warmed up: the engine by indexing, this JVM by compiling the shipper's code, as in a CI server
        // that has been running for a while.
        rawBulk(events.subList(0, Math.min(events.size(), scale.warmupEvents())), "bench-warm-raw");
        shipper(history, "bench-warm-shipper");
        engine.deleteIndices("bench-warm-*");

        Rate rawBefore = rawBulk(events, "bench-raw-before");
        Rate shipper = shipper(history, "bench-shipper");
        Rate rawAfter = rawBulk(events, "bench-raw-after");
        Rate single = onePerBuild(events.subList(0, Math.min(events.size(), scale.singleRequestEvents())));
        engine.deleteIndices("bench-*");

        double ceiling = Math.max(rawBefore.perSecond(), rawAfter.perSecond());
        double share = 100 * shipper.perSecond() / ceiling;
        double speedUp = shipper.perSecond() / single.perSecond();
        List<Measurement> rows = new ArrayList<>();
        rows.addAll(rate(SHIPPER, shipper));
        rows.add(Measurement.of(TITLE, SHIPPER, "share of the raw ceiling", share, Unit.PERCENT)
                .against("≥ 80 %", share >= 80));
        rows.add(Measurement.of(TITLE, SHIPPER, "× one request per build", speedUp, Unit.TIMES)
                .against("≥ 30 ×", speedUp >= 30));
        rows.addAll(rate(RAW_BEFORE, rawBefore));
        rows.addAll(rate(RAW_AFTER, rawAfter));
        rows.addAll(rate(SINGLE, single));
        return new Section(TITLE, String.format(java.util.Locale.ROOT, "The same %s events (%d teams' demo histories, "
                + "about %s bytes each) into fresh indices with the product's template, one client, requests one "
                + "after another. Shipper: the facts were spooled with the engine unreachable, then a shipper started "
                + "on that spool with the engine reachable; timed from its start (engine check, template, then "
                + "reading, turning facts into events with their history, `_bulk` with the plugins' default batch of "
                + "%d, removing from the spool) until the engine acknowledged the last event. Raw ceiling: the same "
                + "events as pre-built `_bulk` bodies of %d posted by the JDK's HTTP client, once before and once after "
                + "the shipper; the better of the two is the ceiling. One request per build: `PUT /<index>/_doc/<id>` "
                + "for the first %s events. Every approach's count is checked after a refresh. First, %s events were "
                + "indexed to warm the engine and the whole set was delivered once by a shipper to warm this JVM. Client CPU per event: CPU time of the whole benchmark JVM while the "
                + "approach ran, per event; the engine runs on the same two cores, so what the client spends, the "
                + "engine cannot.", count(events.size()), history.teamCount(), count(averageBytes(events)), BATCH,
                BATCH, count(single.events()), count(Math.min(events.size(), scale.warmupEvents()))), rows);
    }

    private static List<Measurement> rate(String subject, Rate rate) {
        return List.of(
                Measurement.of(TITLE, subject, "events/s", rate.perSecond(), Unit.EVENTS_PER_SECOND),
                Measurement.of(TITLE, subject, "events", rate.events(), Unit.COUNT),
                Measurement.of(TITLE, subject, "seconds", rate.seconds(), Unit.SECONDS),
                Measurement.of(TITLE, subject, "client CPU per event", rate.cpuMicrosPerEvent(), Unit.MICROSECONDS));
    }

    private Rate rawBulk(List<BuildEvent> events, String prefix) {
        List<String> bodies = EventBatches.ndjson(EventBatches.retargeted(events, "bench-events", prefix), BATCH);
        long start = System.nanoTime();
        long cpu = Rate.cpuNow();
        for (String body : bodies) {
            engine.bulk(body);
        }
        Rate rate = Rate.since(start, cpu, events.size());
        requireCount(prefix, events.size());
        return rate;
    }

    private Rate onePerBuild(List<BuildEvent> events) {
        List<BuildEvent> moved = EventBatches.retargeted(events, "bench-events", "bench-single");
        long start = System.nanoTime();
        long cpu = Rate.cpuNow();
        for (BuildEvent event : moved) {
            engine.put(event.index(), event.id(), event.json());
        }
        Rate rate = Rate.since(start, cpu, moved.size());
        requireCount("bench-single", moved.size());
        return rate;
    }

    private Rate shipper(BenchHistory history, String prefix) throws SpoolException {
        Path directory = Scratch.directory("delivery");
        try {
            IndexNaming naming = IndexNaming.withPrefix(prefix);
            ShipperSettings spooling = BenchSender.settings(ClosedPort.connection(), naming, directory)
                    .withDiskBudget(4L * 1024 * 1024 * 1024);
            try (Shipper offline = Shipper.start(spooling, history.lookup())) {
                for (BuildFacts run : history.runs()) {
                    if (!offline.accept(run)) {
                        throw new IllegalStateException("The spool refused a build: " + offline.status().summary());
                    }
                }
            }
            long total = history.runs().size();
            long start = System.nanoTime();
            long cpu = Rate.cpuNow();
            try (Shipper online = Shipper.start(spooling.withConnection(engine.connection()), history.lookup())) {
                ShipperStatus status = online.status();
                while (status.sent() + status.deadLettered() < total) {
                    Thread.sleep(5);
                    status = online.status();
                }
                Rate rate = Rate.since(start, cpu, total);
                if (status.deadLettered() > 0) {
                    throw new IllegalStateException("The engine refused events: " + status.summary());
                }
                requireCount(prefix, total);
                return rate;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } finally {
            Scratch.delete(directory);
        }
    }

    private void requireCount(String prefix, long expected) {
        long found = engine.count(prefix + "-*");
        if (found != expected) {
            throw new IllegalStateException(prefix + " holds " + found + " events, not " + expected);
        }
    }

    private static String count(long value) {
        return Unit.COUNT.format(value);
    }

    private static long averageBytes(List<BuildEvent> events) {
        return events.stream().mapToLong(BuildEvent::sizeInBytes).sum() / Math.max(1, events.size());
    }
}
