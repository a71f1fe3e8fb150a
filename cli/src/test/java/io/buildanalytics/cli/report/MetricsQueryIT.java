package io.buildanalytics.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildanalytics.cli.demo.DemoAnswers;
import io.buildanalytics.cli.demo.DemoEngines;
import io.buildanalytics.cli.demo.DemoHistory;
import io.buildanalytics.cli.demo.KnownMeasures;
import io.buildanalytics.kibana.query.HttpEngineSearch;
import io.buildanalytics.localengine.EngineKind;
import io.buildanalytics.localengine.LocalEngine;
import io.buildanalytics.localengine.LocalEngineExtension;
import io.buildanalytics.model.derive.Deployment;
import io.buildanalytics.model.derive.DeploymentClassifier;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.facts.Outcome;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The report's numbers, read from real Elasticsearch and OpenSearch holding the demo history, against what the
 * generator recorded while making it.
 */
class MetricsQueryIT {

    @RegisterExtension
    static final LocalEngineExtension ENGINES = new LocalEngineExtension();

    private static final DemoHistory HISTORY = DemoEngines.HISTORY;
    private static final DemoAnswers ANSWERS = HISTORY.answers();
    private static final ReportFilter WHOLE_HISTORY = ReportFilter.between(HISTORY.from(), HISTORY.to());

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void overallAndPerServerMeasuresAreTheHistorysKnownAnswers(EngineKind kind, LocalEngine engine) throws Exception {
        MetricsReport report = query(engine, WHOLE_HISTORY);

        assertThat(report.events()).isEqualTo(HISTORY.runs().size());
        KnownMeasures.assertMatches(report.overall(), ANSWERS.all(), HISTORY.from(), HISTORY.to());
        assertThat(report.servers()).extracting(MetricsReport.ServerMeasures::server)
                .containsExactlyInAnyOrder("jenkins-main", "teamcity-main");
        for (MetricsReport.ServerMeasures server : report.servers()) {
            DemoAnswers.Tally known = ANSWERS.server(server.server());
            assertThat(server.events()).isEqualTo(known.events());
            assertThat(server.product()).isIn("Jenkins", "TeamCity");
            KnownMeasures.assertMatches(server.measures(), known, HISTORY.from(), HISTORY.to());
        }
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void aServerFilterGivesThatServersMeasuresAndAServiceFilterThatServicesDeployments(EngineKind kind,
                                                                                      LocalEngine engine)
            throws Exception {
        MetricsReport teamCity = query(engine, WHOLE_HISTORY.withServer("teamcity-main"));
        KnownMeasures.assertMatches(teamCity.overall(), ANSWERS.server("teamcity-main"), HISTORY.from(), HISTORY.to());
        assertThat(teamCity.servers()).extracting(MetricsReport.ServerMeasures::server).containsExactly("teamcity-main");

        MetricsReport shop = query(engine, WHOLE_HISTORY.withService("shop"));
        KnownMeasures.assertDeploymentsMatch(shop.overall(), ANSWERS.service("shop"), HISTORY.from(), HISTORY.to());
    }

    /** With an environment, the deployment measures count deployments to it (checked with the product's classifier). */
    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void anEnvironmentFilterCountsDeploymentsToThatEnvironment(EngineKind kind, LocalEngine engine) throws Exception {
        DeploymentClassifier classifier = new DeploymentClassifier(DemoHistory.RULES);
        long staging = 0;
        for (BuildFacts run : HISTORY.runs()) {
            Optional<Deployment> deployment = classifier.classify(run);
            if (deployment.isPresent() && deployment.get().environment().equals("staging")
                    && run.outcome() == Outcome.SUCCESS) {
                staging++;
            }
        }
        MetricsReport report = query(engine, WHOLE_HISTORY.withEnvironment("staging"));

        assertThat(staging).isPositive();
        assertThat(report.overall().frequency().deployments()).isEqualTo(staging);
        assertThat(report.overall().recovery().recoveries()).as("staging is never rolled back").isZero();
        assertThat(report.overall().leadTime().commits()).as("lead time is measured to production only").isZero();
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void weeksAndFailingPipelinesAddUpToTheHistory(EngineKind kind, LocalEngine engine) throws Exception {
        MetricsReport report = query(engine, WHOLE_HISTORY);

        Map<LocalDate, Long> deploymentsPerWeek = new HashMap<>();
        for (var finished : ANSWERS.all().deployments()) {
            LocalDate monday = finished.atZone(ZoneOffset.UTC).toLocalDate()
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            deploymentsPerWeek.merge(monday, 1L, Long::sum);
        }
        assertThat(report.weeks()).hasSize(14);
        assertThat(report.weeks().get(0).start()).isEqualTo("2025-12-29");
        for (MetricsReport.Week week : report.weeks()) {
            assertThat(week.deployments()).as("deployments in the week of " + week.start())
                    .isEqualTo(deploymentsPerWeek.getOrDefault(week.start(), 0L));
        }
        assertThat(report.weeks().stream().mapToLong(MetricsReport.Week::runs).sum())
                .isEqualTo(ANSWERS.all().countedRuns());
        assertThat(report.weeks().stream().mapToLong(MetricsReport.Week::failedRuns).sum())
                .isEqualTo(ANSWERS.all().failedRuns());

        Map<String, long[]> perPipeline = new HashMap<>();
        for (BuildFacts run : HISTORY.runs()) {
            if (!run.personal() && run.outcome() != Outcome.UNKNOWN) {
                long[] counts = perPipeline.computeIfAbsent(run.pipeline().name(), key -> new long[2]);
                counts[0]++;
                counts[1] += run.outcome() == Outcome.FAILURE ? 1 : 0;
            }
        }
        assertThat(report.failing()).hasSize(10);
        long tenthMostFailures = perPipeline.values().stream().map(counts -> counts[1]).sorted((a, b) -> Long.compare(b, a))
                .skip(9).findFirst().orElseThrow();
        for (MetricsReport.FailingPipeline pipeline : report.failing()) {
            assertThat(new long[] {pipeline.runs(), pipeline.failed()}).as(pipeline.pipeline())
                    .containsExactly(perPipeline.get(pipeline.pipeline()));
            assertThat(pipeline.failed()).isGreaterThanOrEqualTo(tenthMostFailures);
        }
    }

    private static MetricsReport query(LocalEngine engine, ReportFilter filter) throws Exception {
        DemoEngines.withHistory(engine);
        return new MetricsQuery(new HttpEngineSearch(engine.baseUri()), DemoEngines.NAMING.indexPattern(),
                Clock.systemUTC()).run(filter);
    }
}
