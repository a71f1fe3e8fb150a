package io.buildanalytics.cli.demo;

import io.buildanalytics.model.derive.DeploymentClassifier;
import io.buildanalytics.model.derive.DeploymentRules;
import io.buildanalytics.model.derive.InMemoryHistory;
import io.buildanalytics.model.derive.NamePatternRule;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.facts.CiProvider;
import io.buildanalytics.model.facts.CiServer;
import io.buildanalytics.shipper.HistoryLookup;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A realistic, reproducible history of a Jenkins and a TeamCity server: seven services, each with a build, a
 * staging and a production deployment pipeline, plus nightly, documentation and mobile pipelines (25 in all). Runs
 * fail in streaks, are re-run on the same revision and pass (flaky), deployments fail and are retried, some are
 * rolled back hours later; TeamCity developers run personal builds. The same seed and last day always give the same
 * runs, and {@link #answers()} holds what the history is known to contain.
 */
public final class DemoHistory {

    public static final CiServer JENKINS = new CiServer(CiProvider.JENKINS, "Jenkins", "2.479.3",
            "8c1f0e2a9b7d4c3e", "jenkins-main", "https://jenkins.demo.example/");
    public static final CiServer TEAMCITY = new CiServer(CiProvider.TEAMCITY, "TeamCity", "2024.12.2",
            "https://teamcity.demo.example", "teamcity-main", "https://teamcity.demo.example/");

    /**
     * How the demo's Jenkins jobs are recognised as deployments, as an admin would configure it on the plugin's page:
     * {@code <service>/deploy-prod} and {@code <service>/deploy-staging}. TeamCity's deployments are declared.
     */
    public static final DeploymentRules RULES = DeploymentRules.of(List.of(
            NamePatternRule.of("^(?<service>[^/]+)/deploy-(?<environment>prod|staging)$", null, null)));

    private final List<BuildFacts> runs;
    private final DemoAnswers answers;
    private final Instant from;
    private final Instant to;

    private DemoHistory(List<BuildFacts> runs, DemoAnswers answers, Instant from, Instant to) {
        this.runs = runs;
        this.answers = answers;
        this.from = from;
        this.to = to;
    }

    /**
     * @param days    how many days of history, at least 7
     * @param lastDay the last day (UTC) with builds
     * @param seed    the random seed; the same three arguments give the same history
     */
    public static DemoHistory generate(int days, LocalDate lastDay, long seed) {
        if (days < 7) {
            throw new IllegalArgumentException("The demo needs at least 7 days of history, not " + days);
        }
        LocalDate firstDay = lastDay.minusDays(days - 1L);
        SplittableRandom random = new SplittableRandom(seed);
        DemoAnswers answers = new DemoAnswers();
        List<BuildFacts> runs = new ArrayList<>();
        RunFactory factory = new RunFactory(random);
        for (ServiceProfile profile : ServiceProfile.ALL) {
            new ServiceSimulation(profile, factory, random.split(), answers, runs).simulate(firstDay, lastDay);
        }
        new SideSimulation(factory, random.split(), runs).simulate(firstDay, lastDay);
        runs.sort(Comparator.comparing(BuildFacts::finishedAt));
        Instant to = lastDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1);
        if (!runs.isEmpty() && runs.get(runs.size() - 1).finishedAt().isAfter(to)) {
            throw new IllegalStateException("The generator made a run after the last day: " + runs.get(runs.size() - 1));
        }
        runs.forEach(answers::run);
        return new DemoHistory(List.copyOf(runs), answers, firstDay.atStartOfDay(ZoneOffset.UTC).toInstant(), to);
    }

    /** How many pipelines ran, counting each server's separately. */
    public long pipelines() {
        return runs.stream().map(run -> run.server().name() + ' ' + run.pipeline().id()).distinct().count();
    }

    /** Every run, oldest first. */
    public List<BuildFacts> runs() {
        return runs;
    }

    public DemoAnswers answers() {
        return answers;
    }

    /** The first instant of the first day. */
    public Instant from() {
        return from;
    }

    /** The last millisecond of the last day. */
    public Instant to() {
        return to;
    }

    /** Earlier runs as a plugin's history reader would hand them to the derivations. */
    public HistoryLookup historyLookup() {
        InMemoryHistory history = new InMemoryHistory(new DeploymentClassifier(RULES));
        runs.forEach(history::record);
        return history::before;
    }
}
