package io.buildanalytics.cli.report;

import io.buildanalytics.cli.report.Measures.BuildFailure;
import io.buildanalytics.cli.report.Measures.ChangeFailure;
import io.buildanalytics.cli.report.Measures.DeploymentFrequency;
import io.buildanalytics.cli.report.Measures.LeadTime;
import io.buildanalytics.cli.report.Measures.Recovery;
import io.buildanalytics.cli.report.Measures.Timing;
import io.buildanalytics.cli.report.MetricsReport.FailingPipeline;
import io.buildanalytics.cli.report.MetricsReport.ServerMeasures;
import io.buildanalytics.cli.report.MetricsReport.Week;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reports with known values for the renderers' tests. The range starts on a Wednesday and ends on a Tuesday, so
 * its first and last weeks are partial; one server deployed nothing; one pipeline name is markup and one carries
 * a terminal escape sequence.
 */
final class SampleReports {

    static final Instant FROM = Instant.parse("2024-04-03T00:00:00Z");
    static final Instant TO = Instant.parse("2024-04-30T23:59:59.999Z");
    static final Instant CREATED = Instant.parse("2024-05-01T08:00:00Z");
    static final String SCRIPT_PIPELINE = "<script>alert(1)</script>";
    static final String ESCAPE_PIPELINE = "evil\u001b[31mred";

    private SampleReports() {
    }

    static MetricsReport full() {
        Measures overall = new Measures(
                new DeploymentFrequency(14, 12, 5.0, 3, Band.ELITE),
                new LeadTime(15, Duration.ofHours(4), Duration.ofHours(24), Band.ELITE),
                new ChangeFailure(14, 2, 2 / 14.0, Band.MEDIUM),
                new Recovery(2, Duration.ofHours(34), Band.MEDIUM),
                new BuildFailure(48, 10, 10 / 48.0),
                new Timing(52, Duration.ofMinutes(8), Duration.ofMinutes(21), Duration.ofSeconds(45),
                        Duration.ofMinutes(3)));
        Measures jenkins = new Measures(
                new DeploymentFrequency(14, 12, 5.0, 3, Band.ELITE),
                new LeadTime(15, Duration.ofHours(4), Duration.ofHours(24), Band.ELITE),
                new ChangeFailure(14, 2, 2 / 14.0, Band.MEDIUM),
                new Recovery(2, Duration.ofHours(34), Band.MEDIUM),
                new BuildFailure(36, 7, 7 / 36.0),
                new Timing(40, Duration.ofMinutes(8), Duration.ofMinutes(20), Duration.ofMillis(250),
                        Duration.ofMinutes(2)));
        Measures teamcity = new Measures(
                new DeploymentFrequency(0, 0, 0.0, 3, Band.LOW),
                new LeadTime(0, null, null, Band.NO_DATA),
                new ChangeFailure(0, 0, null, Band.NO_DATA),
                new Recovery(0, null, Band.NO_DATA),
                new BuildFailure(12, 3, 0.25),
                new Timing(12, Duration.ofSeconds(150), Duration.ofMinutes(5), null, null));
        List<Week> weeks = List.of(
                new Week(LocalDate.parse("2024-04-01"), 2, 10, 2),
                new Week(LocalDate.parse("2024-04-08"), 5, 14, 3),
                new Week(LocalDate.parse("2024-04-15"), 4, 12, 4),
                new Week(LocalDate.parse("2024-04-22"), 3, 12, 1),
                new Week(LocalDate.parse("2024-04-29"), 0, 0, 0));
        List<FailingPipeline> failing = List.of(
                new FailingPipeline("jenkins-main", "shop/deploy", 10, 4),
                new FailingPipeline("teamcity-lab", SCRIPT_PIPELINE, 5, 3),
                new FailingPipeline("jenkins-main", "docs & \"site\"", 8, 1),
                new FailingPipeline("jenkins-main", ESCAPE_PIPELINE, 2, 1));
        return new MetricsReport(ReportFilter.between(FROM, TO), "cicd-events*", 52, overall,
                List.of(new ServerMeasures("jenkins-main", "jenkins", 40, jenkins),
                        new ServerMeasures("teamcity-lab", "teamcity", 12, teamcity)),
                weeks, failing, CREATED);
    }

    /** Three days without a single event, for a selection given as one environment. */
    static MetricsReport empty() {
        Measures nothing = new Measures(
                new DeploymentFrequency(0, 0, 0.0, 0, Band.LOW),
                new LeadTime(0, null, null, Band.NO_DATA),
                new ChangeFailure(0, 0, null, Band.NO_DATA),
                new Recovery(0, null, Band.NO_DATA),
                new BuildFailure(0, 0, null),
                new Timing(0, null, null, null, null));
        ReportFilter filter = ReportFilter.between(FROM, Instant.parse("2024-04-06T00:00:00Z"))
                .withEnvironment("staging");
        return new MetricsReport(filter, "cicd-events*", 0, nothing, List.of(),
                List.of(new Week(LocalDate.parse("2024-04-01"), 0, 0, 0)), List.of(), CREATED);
    }

    /** The full report with the failing pipelines replaced. */
    static MetricsReport withFailing(List<FailingPipeline> failing) {
        MetricsReport full = full();
        return new MetricsReport(full.filter(), full.index(), full.events(), full.overall(), full.servers(),
                full.weeks(), failing, full.createdAt());
    }

    /** The full report over {@code count} whole weeks, week i with i deployments. */
    static MetricsReport withWeeks(int count) {
        MetricsReport full = full();
        List<Week> weeks = new ArrayList<>();
        LocalDate monday = LocalDate.parse("2024-01-01");
        for (int i = 0; i < count; i++) {
            weeks.add(new Week(monday.plusWeeks(i), i, 10, 1));
        }
        ReportFilter filter = ReportFilter.between(Instant.parse("2024-01-01T00:00:00Z"),
                monday.plusWeeks(count).atStartOfDay(ZoneOffset.UTC).toInstant());
        return new MetricsReport(filter, full.index(), full.events(), full.overall(), full.servers(), weeks,
                full.failing(), full.createdAt());
    }
}
