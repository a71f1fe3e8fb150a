package io.buildanalytics.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReportTest {

    private final String text = new TextReport().render(SampleReports.full());
    private final List<String> lines = text.lines().toList();

    @Test
    void headerGivesRangeSelectionIndexAndEventCount() {
        assertThat(lines).startsWith("Build Analytics report");
        assertThat(lines).contains(
                "  Range                 2024-04-03 \u2013 2024-04-30 23:59 (UTC)",
                "  Selection             all servers, projects and services",
                "  Deployments           to production",
                "  Index                 cicd-events*",
                "  Events                52 pipeline runs",
                "  Created               2024-05-01 08:00 UTC");
    }

    @Test
    void headlinesReadLikeTheDashboardsTiles() {
        assertThat(lines).containsSubsequence(
                "  Deployment frequency  5.0 days/week \u00b7 14 deployments \u00b7 Elite",
                "                        median of 3 whole weeks",
                "  Lead time             4.0 h median \u00b7 p90 24.0 h \u00b7 15 commits \u00b7 Elite",
                "  Change failure rate   14.3% \u00b7 2 of 14 rolled back \u00b7 Medium",
                "                        CI-derived: rollbacks only",
                "  Recovery time         34.0 h median of 2 rollbacks \u00b7 Medium",
                "                        CI-derived: rollbacks only",
                "  Build failure rate    20.8% \u00b7 10 of 48 runs failed",
                "  Build duration        8.0 min median \u00b7 p95 21.0 min",
                "  Queue time            45 s median \u00b7 p95 3.0 min");
    }

    @Test
    void serversStandSideBySideAndOneWithoutDeploymentsShowsDashes() {
        assertThat(cells("jenkins-main (jenkins)"))
                .containsExactly("jenkins-main (jenkins)", "14", "5.0", "4.0 h", "14.3%", "34.0 h", "19.4%",
                        "8.0 min");
        assertThat(cells("teamcity-lab (teamcity)"))
                .containsExactly("teamcity-lab (teamcity)", "0", "0.0", "\u2013", "\u2013", "\u2013", "25.0%",
                        "2.5 min");
    }

    @Test
    void weeksMarkThePartialOnesAndAWeekWithoutRunsHasNoRate() {
        assertThat(cells("2024-04-01*")).containsExactly("2024-04-01*", "2", "10", "2", "20.0%");
        assertThat(cells("2024-04-15")).containsExactly("2024-04-15", "4", "12", "4", "33.3%");
        assertThat(cells("2024-04-29*")).containsExactly("2024-04-29*", "0", "0", "0", "\u2013");
        assertThat(lines).contains("  * partial week: the range covers only part of it");
    }

    @Test
    void failingPipelinesComeMostFailuresFirst() {
        assertThat(cells("shop/deploy")).containsExactly("shop/deploy", "jenkins-main", "4", "10", "40.0%");
        assertThat(cells(SampleReports.SCRIPT_PIPELINE))
                .containsExactly(SampleReports.SCRIPT_PIPELINE, "teamcity-lab", "3", "5", "60.0%");
        assertThat(text.indexOf("shop/deploy")).isLessThan(text.indexOf(SampleReports.SCRIPT_PIPELINE));
    }

    @Test
    void aTerminalEscapeInAPipelineNameIsNotPassedThrough() {
        assertThat(text).doesNotContain("\u001b");
        assertThat(cells("evil\uFFFD[31mred")).containsExactly("evil\uFFFD[31mred", "jenkins-main", "1", "2",
                "50.0%");
    }

    @Test
    void everyLineFitsAHundredColumnsEvenWithVeryLongNames() {
        String longName = "organisation/" + "very-long-folder-name/".repeat(8) + "deploy-to-production";
        MetricsReport report = SampleReports.withFailing(List.of(
                new MetricsReport.FailingPipeline("jenkins-main-" + "x".repeat(60), longName, 10, 4)));
        List<String> longLines = new TextReport().render(report).lines().toList();

        assertThat(lines).allSatisfy(line -> assertThat(Formats.width(line)).isLessThanOrEqualTo(100));
        assertThat(longLines).allSatisfy(line -> assertThat(Formats.width(line)).isLessThanOrEqualTo(100));
        String row = longLines.stream().filter(line -> line.startsWith("  organisation/")).findFirst().orElseThrow();
        assertThat(Arrays.asList(row.strip().split(" {2,}")))
                .satisfies(cells -> assertThat(cells.get(0)).startsWith("organisation/").endsWith("\u2026"))
                .satisfies(cells -> assertThat(cells.get(1)).startsWith("jenkins-main-").endsWith("\u2026"))
                .endsWith("4", "10", "40.0%");
    }

    @Test
    void aSelectionWithoutDataSaysSoInsteadOfShowingZeros() {
        List<String> empty = new TextReport().render(SampleReports.empty()).lines().toList();

        assertThat(empty).contains(
                "  Selection             environment staging",
                "  Deployments           to staging",
                "  Events                0 pipeline runs",
                "  Deployment frequency  0.0 days/week \u00b7 0 deployments \u00b7 Low",
                "                        no whole week in range: deployment days per 7 days",
                "  Lead time             \u2013 \u00b7 no commits reached staging \u00b7 No data",
                "  Change failure rate   \u2013 \u00b7 no deployments to staging \u00b7 No data",
                "  Recovery time         \u2013 \u00b7 no rollbacks in range \u00b7 No data",
                "  Build failure rate    \u2013 \u00b7 no finished runs",
                "  Build duration        \u2013",
                "  Queue time            \u2013",
                "  No events from any CI server.",
                "  No failed runs in range.");
    }

    /** The cells of the first table line that starts with {@code first}; columns are two or more spaces apart. */
    private List<String> cells(String first) {
        String line = lines.stream().filter(l -> l.startsWith("  " + first + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no line starts with " + first + " in\n" + text));
        return Arrays.asList(line.strip().split(" {2,}"));
    }
}
