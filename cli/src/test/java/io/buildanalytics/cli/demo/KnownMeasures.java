package io.buildanalytics.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.buildanalytics.cli.report.Measures;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks measures read from an engine against what the generator recorded, worked out here with plain loops:
 * counts and rates exactly; medians and percentiles, which the engines estimate with t-digests, between the
 * sample's order statistics a small rank distance either side.
 */
public final class KnownMeasures {

    private KnownMeasures() {
    }

    public static void assertMatches(Measures measures, DemoAnswers.Tally known, Instant from, Instant to) {
        assertDeploymentsMatch(measures, known, from, to);
        assertThat(measures.buildFailure().runs()).as("counted runs").isEqualTo(known.countedRuns());
        assertThat(measures.buildFailure().failed()).as("failed runs").isEqualTo(known.failedRuns());
        assertThat(measures.buildFailure().rate()).as("build failure rate")
                .isCloseTo((double) known.failedRuns() / known.countedRuns(), within(1e-12));
        assertBetweenNeighbours("duration p50", measures.timing().durationP50(), known.durations(), 0.50);
    }

    /** Deployment frequency, lead time, change failure rate and recovery time. */
    public static void assertDeploymentsMatch(Measures measures, DemoAnswers.Tally known, Instant from, Instant to) {
        List<Instant> deployments = known.deployments();
        Set<LocalDate> deploymentDays = new TreeSet<>();
        deployments.forEach(at -> deploymentDays.add(at.atZone(ZoneOffset.UTC).toLocalDate()));
        assertThat(measures.frequency().deployments()).as("deployments").isEqualTo(deployments.size());
        assertThat(measures.frequency().deploymentDays()).as("deployment days").isEqualTo(deploymentDays.size());
        assertThat(measures.frequency().daysPerWeek()).as("median deployment days per whole week")
                .isEqualTo(medianDaysPerWholeWeek(deploymentDays, from, to));

        assertThat(measures.leadTime().commits()).as("commits with a lead time").isEqualTo(known.leadTimes().size());
        assertBetweenNeighbours("lead time p50", measures.leadTime().p50(), known.leadTimes(), 0.50);
        assertBetweenNeighbours("lead time p90", measures.leadTime().p90(), known.leadTimes(), 0.90);

        assertThat(measures.changeFailure().deployments()).isEqualTo(deployments.size());
        assertThat(measures.changeFailure().failed()).as("deployments rolled back").isEqualTo(known.recoveries().size());
        assertThat(measures.changeFailure().rate()).as("change failure rate")
                .isCloseTo((double) known.recoveries().size() / deployments.size(), within(1e-12));

        assertThat(measures.recovery().recoveries()).as("rollbacks").isEqualTo(known.recoveries().size());
        if (known.recoveries().isEmpty()) {
            assertThat(measures.recovery().p50()).as("recovery without rollbacks").isNull();
        } else {
            assertBetweenNeighbours("recovery p50", measures.recovery().p50(), known.recoveries(), 0.50);
        }
    }

    /** The dashboards' rule, spelt out: deployment days in each Monday-to-Sunday week wholly inside the range. */
    static double medianDaysPerWholeWeek(Set<LocalDate> deploymentDays, Instant from, Instant to) {
        LocalDate first = from.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate last = to.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate monday = first.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        List<Integer> perWeek = new ArrayList<>();
        for (; !monday.plusDays(6).isAfter(last); monday = monday.plusWeeks(1)) {
            int days = 0;
            for (int i = 0; i < 7; i++) {
                days += deploymentDays.contains(monday.plusDays(i)) ? 1 : 0;
            }
            perWeek.add(days);
        }
        perWeek.sort(null);
        int n = perWeek.size();
        return n % 2 == 1 ? perWeek.get(n / 2) : (perWeek.get(n / 2 - 1) + perWeek.get(n / 2)) / 2.0;
    }

    /**
     * A percentile estimate is right when it lies between the sample values a couple of ranks (at least one, or 2 %
     * of the sample) below and above the exact rank: how far t-digest estimates of either engine may wander.
     */
    static void assertBetweenNeighbours(String what, Duration estimate, List<Duration> sample, double quantile) {
        assertThat(sample).as(what + ": the history must have values").isNotEmpty();
        assertThat(estimate).as(what).isNotNull();
        List<Duration> sorted = new ArrayList<>(sample);
        sorted.sort(null);
        int n = sorted.size();
        double rank = quantile * (n - 1);
        int slack = Math.max(1, (int) Math.ceil(n * 0.02));
        Duration low = sorted.get(Math.max(0, (int) Math.floor(rank) - slack));
        Duration high = sorted.get(Math.min(n - 1, (int) Math.ceil(rank) + slack));
        assertThat(estimate).as(what + " of " + n + " values").isBetween(low, high);
    }
}
