package io.buildanalytics.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.buildanalytics.model.derive.Deployment;
import io.buildanalytics.model.derive.DeploymentClassifier;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.facts.Commit;
import io.buildanalytics.model.facts.Outcome;
import io.buildanalytics.model.facts.TriggerType;
import io.buildanalytics.shipper.FactsJson;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoHistoryTest {

    private static final LocalDate LAST_DAY = LocalDate.of(2026, 3, 31);
    private final DemoHistory history = DemoHistory.generate(90, LAST_DAY, DemoCommand.DEFAULT_SEED);

    @Test
    void theSameArgumentsGiveTheSameHistoryAndAnotherSeedAnother() {
        DemoHistory again = DemoHistory.generate(90, LAST_DAY, DemoCommand.DEFAULT_SEED);
        DemoHistory other = DemoHistory.generate(90, LAST_DAY, 7);

        assertThat(json(again.runs())).isEqualTo(json(history.runs()));
        assertThat(json(other.runs())).isNotEqualTo(json(history.runs()));
    }

    @Test
    void coversNinetyDaysOfTwentyFivePipelinesOnTwoServers() {
        Set<String> pipelines = new HashSet<>();
        Set<String> runIds = new HashSet<>();
        for (BuildFacts run : history.runs()) {
            pipelines.add(run.server().name() + " " + run.pipeline().id());
            assertThat(runIds.add(run.server().name() + " " + run.run().id())).as("unique run id").isTrue();
            assertThat(run.finishedAt()).isBetween(history.from(), history.to());
        }
        assertThat(pipelines).hasSize(25);
        assertThat(history.pipelines()).isEqualTo(25);
        assertThat(history.runs()).extracting(run -> run.server().name()).containsOnly("jenkins-main", "teamcity-main");
        assertThat(history.from()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(history.to()).isEqualTo("2026-03-31T23:59:59.999Z");
        assertThat(history.runs()).isSortedAccordingTo(java.util.Comparator.comparing(BuildFacts::finishedAt));
    }

    @Test
    void hasRedStreaksFlakyRerunsCancelledAndPersonalBuilds() {
        Map<String, List<BuildFacts>> byPipeline = new HashMap<>();
        history.runs().forEach(run -> byPipeline.computeIfAbsent(run.server().name() + run.pipeline().id(),
                key -> new ArrayList<>()).add(run));
        int streaks = 0;
        int flaky = 0;
        for (List<BuildFacts> runs : byPipeline.values()) {
            for (int i = 1; i < runs.size(); i++) {
                BuildFacts before = runs.get(i - 1);
                BuildFacts run = runs.get(i);
                if (before.outcome() == Outcome.FAILURE && run.outcome() == Outcome.FAILURE) {
                    streaks++;
                }
                if (before.outcome() == Outcome.FAILURE && run.outcome() == Outcome.SUCCESS
                        && run.revision().equals(before.revision()) && run.commits().isEmpty()) {
                    flaky++;
                }
            }
        }
        assertThat(streaks).as("consecutive failures of a pipeline").isGreaterThan(20);
        assertThat(flaky).as("failures re-run on the same revision that then passed").isGreaterThan(10);
        assertThat(history.runs()).filteredOn(run -> run.outcome() == Outcome.UNKNOWN).isNotEmpty();
        assertThat(history.runs()).filteredOn(BuildFacts::personal).hasSizeGreaterThan(40);
        assertThat(history.runs()).extracting(BuildFacts::result).extracting(result -> result.raw())
                .contains("SUCCESS", "FAILURE", "UNSTABLE", "ABORTED", "NORMAL", "ERROR");
        assertThat(history.runs()).extracting(run -> run.trigger().type())
                .contains(TriggerType.SCM, TriggerType.TIMER, TriggerType.USER);
    }

    @Test
    void everyCommitIsTimedBeforeTheRunThatListsIt() {
        long commits = 0;
        for (BuildFacts run : history.runs()) {
            for (Commit commit : run.commits()) {
                commits++;
                assertThat(commit.timestamp()).isNotNull().isBefore(run.finishedAt());
            }
        }
        assertThat(commits).isGreaterThan(1000);
    }

    /**
     * The generator's own bookkeeping of deployments agrees with the product's classifier reading the same facts
     * with the demo's rules: every service deploys to staging and production on both servers.
     */
    @Test
    void recordedDeploymentsAreWhatTheClassifierFinds() {
        DeploymentClassifier classifier = new DeploymentClassifier(DemoHistory.RULES);
        long production = 0;
        Map<String, Set<String>> environmentsByService = new HashMap<>();
        for (BuildFacts run : history.runs()) {
            Optional<Deployment> deployment = classifier.classify(run);
            if (deployment.isEmpty()) {
                continue;
            }
            environmentsByService.computeIfAbsent(deployment.get().service(), key -> new HashSet<>())
                    .add(deployment.get().environment());
            if (deployment.get().production() && run.outcome() == Outcome.SUCCESS) {
                production++;
            }
        }
        assertThat(production).isEqualTo(history.answers().all().deployments().size());
        assertThat(environmentsByService).containsOnlyKeys("shop", "billing", "inventory", "search", "cart",
                "payments", "notifications");
        environmentsByService.values().forEach(environments -> assertThat(environments).hasSize(2));
        assertThat(history.answers().all().recoveries()).as("rollbacks").hasSizeBetween(5, 40);
        assertThat(history.answers().server("jenkins-main").deployments()).isNotEmpty();
        assertThat(history.answers().server("teamcity-main").deployments()).isNotEmpty();
    }

    @Test
    void refusesTooShortAHistory() {
        assertThatThrownBy(() -> DemoHistory.generate(6, LAST_DAY, 1)).hasMessageContaining("at least 7 days");
    }

    private static List<String> json(List<BuildFacts> runs) {
        return runs.stream().map(run -> new String(FactsJson.write(run), java.nio.charset.StandardCharsets.UTF_8)).toList();
    }
}
