package io.buildanalytics.cli.demo;

import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.facts.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the demo history is known to contain, recorded by the generator as it decides each run (which commits a
 * deployment brings, which deployment a rollback undoes), not computed from the events. The end-to-end test compares
 * the report from the engine against these.
 */
public final class DemoAnswers {

    private final Map<String, Tally> byServer = new LinkedHashMap<>();
    private final Map<String, Tally> byService = new LinkedHashMap<>();
    private final Tally all = new Tally();

    /** Everything counted over all servers. */
    public Tally all() {
        return all;
    }

    /** Everything counted for one CI server ({@code observer.name}). */
    public Tally server(String name) {
        return byServer.getOrDefault(name, new Tally());
    }

    /**
     * The production deployments, lead times and rollbacks of one service. Only deployment runs carry a service, so
     * its run counts are left at zero here.
     */
    public Tally service(String name) {
        return byService.getOrDefault(name, new Tally());
    }

    void run(BuildFacts run) {
        for (Tally tally : tallies(run)) {
            tally.addRun(run);
        }
    }

    void productionDeployment(BuildFacts run, String service, List<Duration> leadTimes) {
        for (Tally tally : tallies(run, service)) {
            tally.deployments.add(run.finishedAt());
            tally.leadTimes.addAll(leadTimes);
        }
    }

    void rollback(BuildFacts run, String service, Duration recovery) {
        for (Tally tally : tallies(run, service)) {
            tally.recoveries.add(recovery);
        }
    }

    private List<Tally> tallies(BuildFacts run) {
        return List.of(all, byServer.computeIfAbsent(run.server().name(), name -> new Tally()));
    }

    private List<Tally> tallies(BuildFacts run, String service) {
        return List.of(all, byServer.computeIfAbsent(run.server().name(), name -> new Tally()),
                byService.computeIfAbsent(service, name -> new Tally()));
    }

    /** The known values of one selection. Lists are in the order the generator made them. */
    public static final class Tally {
        private final List<Instant> deployments = new ArrayList<>();
        private final List<Duration> leadTimes = new ArrayList<>();
        private final List<Duration> recoveries = new ArrayList<>();
        private final List<Duration> durations = new ArrayList<>();
        private long events;
        private long countedRuns;
        private long failedRuns;

        private void addRun(BuildFacts run) {
            events++;
            if (run.personal() || (run.outcome() != Outcome.SUCCESS && run.outcome() != Outcome.FAILURE)) {
                return;
            }
            countedRuns++;
            if (run.outcome() == Outcome.FAILURE) {
                failedRuns++;
            }
            durations.add(Duration.between(run.startedAt(), run.finishedAt()));
        }

        /** Every pipeline run, counted or not. */
        public long events() {
            return events;
        }

        /** When each successful production deployment (rollbacks included) finished. */
        public List<Instant> deployments() {
            return List.copyOf(deployments);
        }

        /** One lead time per commit first brought to production by a successful deployment. */
        public List<Duration> leadTimes() {
            return List.copyOf(leadTimes);
        }

        /** Per rollback, the time from the deployment it undid to the rollback. */
        public List<Duration> recoveries() {
            return List.copyOf(recoveries);
        }

        /** Successful plus failed runs, personal builds left out. */
        public long countedRuns() {
            return countedRuns;
        }

        public long failedRuns() {
            return failedRuns;
        }

        /** Execution time of each counted run. */
        public List<Duration> durations() {
            return List.copyOf(durations);
        }
    }
}
