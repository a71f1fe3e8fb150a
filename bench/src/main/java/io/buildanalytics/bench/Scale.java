package io.buildanalytics.bench;

import java.time.Duration;
import java.util.List;

/**
 * How big each benchmark is. {@link #FULL} is what the issue asks for and what the README reports; {@link #SMOKE}
 * runs every part with tiny sizes in about a minute, so the build proves the suite still works without timing
 * anything.
 *
 * @param jmhForks              JVMs JMH forks per benchmark (0 runs in this JVM: only for the smoke run)
 * @param jmhIteration          length of each JMH warm-up and measurement iteration
 * @param callbackWaiting       events already spooled in the "waiting" callback case
 * @param warmupEvents          events bulk-indexed before any timed delivery, so the engine is warm
 * @param deliveryEvents        events each delivery approach indexes
 * @param singleRequestEvents   events sent one request per build (slow; its rate needs fewer)
 * @param backfillBuilds        historic builds the backfill sends
 * @param heapPoints            spooled-event counts at which the shipper's heap is measured
 * @param dashboardEvents       events in the engine while the dashboards' queries are timed
 * @param panelWarmups          untimed runs of each panel's query
 * @param panelRuns             timed runs of each panel's query
 */
public record Scale(String name, int jmhForks, int jmhWarmups, int jmhMeasurements, Duration jmhIteration,
                    int callbackWaiting, int warmupEvents, int deliveryEvents, int singleRequestEvents,
                    int backfillBuilds, List<Integer> heapPoints, int dashboardEvents, int panelWarmups,
                    int panelRuns) {

    public static final Scale FULL = new Scale("full", 1, 3, 5, Duration.ofSeconds(2), 100_000, 100_000, 100_000,
            3_000, 100_000, List.of(0, 10_000, 1_000_000), 1_000_000, 3, 20);

    public static final Scale SMOKE = new Scale("smoke", 0, 1, 1, Duration.ofMillis(200), 1_000, 1_000, 2_000, 100,
            2_000, List.of(0, 1_000, 5_000), 10_000, 1, 3);

    public static Scale named(String name) {
        for (Scale scale : List.of(FULL, SMOKE)) {
            if (scale.name.equals(name)) {
                return scale;
            }
        }
        throw new IllegalArgumentException("Unknown scale " + name + "; use full or smoke");
    }
}
