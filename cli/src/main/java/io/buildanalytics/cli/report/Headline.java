package io.buildanalytics.cli.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One headline measure as a tile shows it: the value, what kind of value it is ("median"), the details that back it
 * ("14 deployments") and the band. The text and HTML reports both build their tiles from this, so their wording
 * cannot drift apart.
 *
 * @param name      "Lead time"
 * @param value     "4.0 h", or {@link Formats#MISSING}
 * @param qualifier what the value is, "median", or null
 * @param details   the counts and second values behind it
 * @param band      the DORA band, null for measures without one
 * @param note      a caveat shown under the tile, or null
 */
public record Headline(String name, String value, String qualifier, List<String> details, Band band, String note) {

    public Headline {
        details = List.copyOf(details);
    }

    /** "4.0 h median · p90 24.0 h · 15 commits · Elite", as the text report writes it. */
    public String line() {
        List<String> parts = new ArrayList<>();
        parts.add(qualifier == null ? value : value + " " + qualifier);
        parts.addAll(details);
        if (band != null) {
            parts.add(band.label());
        }
        return String.join(Formats.DOT, parts);
    }

    /** The seven tiles of a selection: the four DORA measures, then failure rate, duration and queue time. */
    public static List<Headline> of(Measures measures, String deploymentTarget) {
        return List.of(
                frequency(measures.frequency()),
                leadTime(measures.leadTime(), deploymentTarget),
                changeFailure(measures.changeFailure(), deploymentTarget),
                recovery(measures.recovery()),
                buildFailure(measures.buildFailure()),
                timing("Build duration", measures.timing().durationP50(), measures.timing().durationP95()),
                timing("Queue time", measures.timing().queueP50(), measures.timing().queueP95()));
    }

    private static Headline frequency(Measures.DeploymentFrequency frequency) {
        // The value is a median over whole weeks, or a rate over the range when it holds none; say which.
        String basis = frequency.wholeWeeks() > 0
                ? "median of " + Formats.counted(frequency.wholeWeeks(), "whole week", "whole weeks")
                : "no whole week in range: deployment days per 7 days";
        return new Headline("Deployment frequency", Formats.daysPerWeek(frequency.daysPerWeek()), null,
                List.of(Formats.counted(frequency.deployments(), "deployment", "deployments")),
                frequency.band(), basis);
    }

    private static Headline leadTime(Measures.LeadTime lead, String deploymentTarget) {
        if (lead.commits() == 0 || lead.p50() == null) {
            return new Headline("Lead time", Formats.MISSING, null,
                    List.of("no commits reached " + deploymentTarget), lead.band(), null);
        }
        return new Headline("Lead time", Formats.elapsed(lead.p50()), "median",
                List.of("p90 " + Formats.elapsed(lead.p90()), Formats.counted(lead.commits(), "commit", "commits")),
                lead.band(), null);
    }

    private static Headline changeFailure(Measures.ChangeFailure failure, String deploymentTarget) {
        String detail = failure.deployments() == 0
                ? "no deployments to " + deploymentTarget
                : Formats.count(failure.failed()) + " of " + Formats.count(failure.deployments()) + " rolled back";
        return new Headline("Change failure rate", Formats.percent(failure.rate()), null, List.of(detail),
                failure.band(), "CI-derived: rollbacks only");
    }

    private static Headline recovery(Measures.Recovery recovery) {
        if (recovery.recoveries() == 0 || recovery.p50() == null) {
            return new Headline("Recovery time", Formats.MISSING, null, List.of("no rollbacks in range"),
                    recovery.band(), "CI-derived: rollbacks only");
        }
        return new Headline("Recovery time", Formats.elapsed(recovery.p50()),
                "median of " + Formats.counted(recovery.recoveries(), "rollback", "rollbacks"), List.of(),
                recovery.band(), "CI-derived: rollbacks only");
    }

    private static Headline buildFailure(Measures.BuildFailure failure) {
        String detail = failure.runs() == 0
                ? "no finished runs"
                : Formats.count(failure.failed()) + " of " + Formats.counted(failure.runs(), "run", "runs") + " failed";
        return new Headline("Build failure rate", Formats.percent(failure.rate()), null, List.of(detail), null,
                "cancelled and personal builds left out");
    }

    private static Headline timing(String name, Duration p50, Duration p95) {
        if (p50 == null) {
            return new Headline(name, Formats.MISSING, null, List.of(), null, null);
        }
        return new Headline(name, Formats.buildTime(p50), "median", List.of("p95 " + Formats.buildTime(p95)),
                null, null);
    }
}
