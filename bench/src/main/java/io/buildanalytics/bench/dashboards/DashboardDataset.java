package io.buildanalytics.bench.dashboards;

import io.buildanalytics.bench.data.BenchEvents;
import io.buildanalytics.bench.data.BenchHistory;
import io.buildanalytics.bench.data.EventBatches;
import io.buildanalytics.bench.engine.BenchEngine;
import io.buildanalytics.model.event.BuildEvent;
import io.buildanalytics.model.schema.IndexNaming;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Fills the dashboards' own indices ({@code cicd-events-*}, the pattern their queries name) with the organisation's
 * events, team by team, so that a million events never sit in memory at once. Loading is not what is measured
 * here, so it goes the fastest way: the product's events, bulk-indexed directly.
 */
final class DashboardDataset {

    private static final int BATCH = 1_000;

    private DashboardDataset() {
    }

    /** @return how many teams the events came from */
    static int load(BenchEngine engine, int events) {
        IndexNaming naming = IndexNaming.defaults();
        engine.deleteIndices(naming.indexPattern());
        engine.installTemplate(naming);
        int loaded = 0;
        int teams = 0;
        for (Iterator<BenchHistory.Team> all = BenchHistory.teams(); loaded < events; teams++) {
            BenchHistory.Team team = all.next();
            List<BuildEvent> built = BenchEvents.of(team.runs(), team.lookup(), naming);
            List<BuildEvent> wanted = new ArrayList<>(built.subList(0, Math.min(built.size(), events - loaded)));
            for (String body : EventBatches.ndjson(wanted, BATCH)) {
                engine.bulk(body);
            }
            loaded += wanted.size();
        }
        long searchable = engine.count(naming.indexPattern());
        if (searchable != events) {
            throw new IllegalStateException("The dashboards' indices hold " + searchable + " events, not " + events);
        }
        return teams;
    }
}
