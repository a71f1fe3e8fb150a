package io.buildanalytics.bench.data;

import io.buildanalytics.cli.demo.DemoHistory;
import io.buildanalytics.model.event.BuildEvent;
import io.buildanalytics.model.event.BuildEventFactory;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.schema.IndexNaming;
import io.buildanalytics.shipper.HistoryLookup;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Facts made into events by the product's own event factory, exactly as the delivery thread makes them. */
public final class BenchEvents {

    private BenchEvents() {
    }

    public static List<BuildEvent> of(List<BuildFacts> runs, HistoryLookup lookup, IndexNaming naming) {
        BuildEventFactory factory = new BuildEventFactory(BenchSender.SENDER, DemoHistory.RULES, naming, Clock.systemUTC());
        List<BuildEvent> events = new ArrayList<>(runs.size());
        for (BuildFacts run : runs) {
            events.add(factory.create(run, lookup.historyFor(run)));
        }
        return events;
    }
}
