package io.buildanalytics.cli.demo;

import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.facts.Commit;
import io.buildanalytics.model.facts.DeploymentDeclaration;
import io.buildanalytics.model.facts.TestCounts;
import io.buildanalytics.model.facts.Trigger;
import io.buildanalytics.model.facts.TriggerType;
import io.buildanalytics.model.facts.Vcs;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One service's days: pushes built on its build pipeline, then on some working days a staging and a production
 * deployment of the newest green revision, sometimes failed and retried later, sometimes rolled back.
 *
 * <p>Each deployment run lists the commits new since that pipeline's previous attempt, as Jenkins and TeamCity do.
 * The known answers follow the rules of the derivations by construction: a successful production deployment with an
 * earlier one first brings every commit since the previous success (failed attempts' included), and a rollback
 * redeploys the version that ran before the deployment it undoes. Versions only ever move forward otherwise, so
 * nothing else can look like a rollback.
 */
final class ServiceSimulation {

    private static final Trigger SCM = new Trigger(TriggerType.SCM, null, "Started by an SCM change");
    private static final Trigger RERUN = new Trigger(TriggerType.USER, "dana", "Re-run by Dana Lee");
    private static final Trigger PROMOTE = new Trigger(TriggerType.USER, "release-bot", "Deploy by release-bot");
    private static final Trigger ROLLBACK = new Trigger(TriggerType.USER, "oncall", "Rollback by on-call engineer");

    private final ServiceProfile profile;
    private final RunFactory factory;
    private final SplittableRandom random;
    private final DemoAnswers answers;
    private final List<BuildFacts> runs;
    private final String repository;

    /** Every commit so far; a commit's sequence number is its index. */
    private final List<Commit> commits = new ArrayList<>();
    private boolean lastBuildFailed;
    /** The newest commit a green build contained, -1 before the first. */
    private int green = -1;
    private int stagingAttempted = -1;
    private int productionAttempted = -1;
    /** The newest commit a successful (forward) production deployment brought, -1 before the first. */
    private int deployed = -1;
    private Deployed live;
    private Deployed beforeLive;
    private Instant noDeploymentBefore = Instant.MIN;

    /** A version running in production and the run that put it there. */
    private record Deployed(String version, String revision, BuildFacts run) {
    }

    ServiceSimulation(ServiceProfile profile, RunFactory factory, SplittableRandom random, DemoAnswers answers,
                      List<BuildFacts> runs) {
        this.profile = profile;
        this.factory = factory;
        this.random = random;
        this.answers = answers;
        this.runs = runs;
        this.repository = "https://git.demo.example/acme/" + profile.name() + ".git";
    }

    void simulate(LocalDate firstDay, LocalDate lastDay) {
        Instant end = lastDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
            simulateDay(day, end);
        }
    }

    private void simulateDay(LocalDate day, Instant end) {
        Instant midnight = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        boolean workday = day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
        int pushes = workday ? poisson(profile.commitsPerWeekday()) : (random.nextDouble() < 0.1 ? 1 : 0);
        List<Instant> pushTimes = new ArrayList<>();
        for (int i = 0; i < pushes; i++) {
            pushTimes.add(midnight.plus(Duration.ofMinutes(8 * 60 + random.nextInt(9 * 60 + 30))));
        }
        pushTimes.sort(null);
        Instant deploymentStart = workday && random.nextDouble() < profile.deployChance()
                ? midnight.plus(Duration.ofMinutes(14 * 60 + random.nextInt(90))) : null;
        boolean deploymentDone = deploymentStart == null;
        for (Instant push : pushTimes) {
            if (!deploymentDone && !push.isBefore(deploymentStart.minus(Duration.ofMinutes(40)))) {
                deploy(deploymentStart, end);
                deploymentDone = true;
            }
            build(push);
        }
        if (!deploymentDone) {
            deploy(deploymentStart, end);
        }
    }

    /** One push of one to three commits, built right away; a failure is re-run on the same revision at times. */
    private void build(Instant pushedAt) {
        int count = 1 + random.nextInt(3);
        List<Commit> pushed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Commit commit = new Commit(factory.revision(), pushedAt.minus(Duration.ofMinutes((count - 1L - i) * 7)));
            commits.add(commit);
            pushed.add(0, commit);
        }
        int head = commits.size() - 1;
        Instant queuedAt = pushedAt.plusSeconds(5);
        boolean failed = random.nextDouble() < (lastBuildFailed ? 0.5 : profile.buildFailure());
        BuildFacts run = addBuild(head, queuedAt, pushed, SCM, failed);
        if (failed && random.nextDouble() < 0.35) {
            // Someone re-runs the same revision; usually it passes, which makes the failure look flaky.
            addBuild(head, run.finishedAt().plus(Duration.ofMinutes(10 + random.nextInt(30))), List.of(), RERUN,
                    random.nextDouble() < 0.15);
        }
    }

    private BuildFacts addBuild(int head, Instant queuedAt, List<Commit> newCommits, Trigger trigger, boolean failed) {
        String result;
        TestCounts tests = TestCounts.of(300 + random.nextInt(40), 0, 4);
        if (!failed && profile.jenkins() && random.nextDouble() < 0.02) {
            result = "ABORTED";
        } else if (!failed) {
            result = profile.jenkins() ? "SUCCESS" : "NORMAL";
        } else if (profile.jenkins()) {
            result = random.nextDouble() < 0.3 ? "UNSTABLE" : "FAILURE";
            if (result.equals("UNSTABLE")) {
                tests = TestCounts.of(290 + random.nextInt(40), 1 + random.nextInt(5), 4);
            }
        } else {
            result = random.nextDouble() < 0.1 ? "ERROR" : "FAILURE";
        }
        RunFactory.Run facts = timed(queuedAt, profile.queueSeconds(), profile.buildMinutes(), result, trigger,
                revisionOf(head), newCommits, tests);
        BuildFacts run = profile.jenkins() ? factory.jenkins(profile.name() + "/build", facts)
                : factory.teamCity(profile.teamCityProject(), profile.teamCityProject() + "_Build", "Build", facts,
                        null, false);
        runs.add(run);
        if (!result.equals("ABORTED")) {
            lastBuildFailed = failed;
            if (!failed) {
                green = Math.max(green, head);
            }
        }
        return run;
    }

    /** Staging first; production an hour later if staging passed. Only a revision newer than production's. */
    private void deploy(Instant start, Instant end) {
        if (green <= deployed || start.isBefore(noDeploymentBefore)) {
            return;
        }
        int head = green;
        boolean stagingFailed = random.nextDouble() < 0.05;
        BuildFacts staging = addDeployment("staging", start, head, commitsSince(stagingAttempted, head),
                stagingFailed, PROMOTE, versionOf(head));
        stagingAttempted = head;
        if (stagingFailed) {
            return;
        }
        Instant productionQueued = staging.finishedAt().plus(Duration.ofMinutes(30 + random.nextInt(30)));
        boolean failed = random.nextDouble() < profile.deployFailure();
        BuildFacts production = addDeployment("production", productionQueued, head,
                commitsSince(productionAttempted, head), failed, PROMOTE, versionOf(head));
        productionAttempted = head;
        if (failed) {
            return;
        }
        List<Duration> leadTimes = new ArrayList<>();
        if (live != null) {
            for (Commit commit : commits.subList(deployed + 1, head + 1)) {
                leadTimes.add(Duration.between(commit.timestamp(), production.finishedAt()));
            }
        }
        answers.productionDeployment(production, profile.name(), leadTimes);
        deployed = head;
        beforeLive = live;
        live = new Deployed(versionOf(head), revisionOf(head), production);
        if (beforeLive != null && random.nextDouble() < profile.rollbackChance()) {
            rollBack(production, end);
        }
    }

    /** Hours later the on-call engineer redeploys the version that ran before. */
    private void rollBack(BuildFacts failedDeployment, Instant end) {
        Instant queued = failedDeployment.finishedAt().plus(Duration.ofMinutes(45 + random.nextInt(19 * 60)));
        Duration runTime = Duration.ofSeconds(5 + profile.deployMinutes() * 60L + profile.queueSeconds());
        if (!queued.plus(runTime).plus(Duration.ofMinutes(10)).isBefore(end)) {
            return;
        }
        Deployed restored = beforeLive;
        BuildFacts rollback = addDeployment("production", queued, -1, List.of(), false, ROLLBACK,
                restored.version(), restored.revision());
        answers.productionDeployment(rollback, profile.name(), List.of());
        answers.rollback(rollback, profile.name(),
                Duration.between(failedDeployment.finishedAt(), rollback.finishedAt()));
        beforeLive = null;
        live = restored;
        noDeploymentBefore = rollback.finishedAt().plus(Duration.ofHours(1));
    }

    private BuildFacts addDeployment(String environment, Instant queuedAt, int head, List<Commit> newCommits,
                                     boolean failed, Trigger trigger, String version) {
        return addDeployment(environment, queuedAt, head, newCommits, failed, trigger, version, revisionOf(head));
    }

    private BuildFacts addDeployment(String environment, Instant queuedAt, int head, List<Commit> newCommits,
                                     boolean failed, Trigger trigger, String version, String revision) {
        String result = failed ? "FAILURE" : profile.jenkins() ? "SUCCESS" : "NORMAL";
        RunFactory.Run facts = timed(queuedAt, profile.queueSeconds() / 4, profile.deployMinutes(), result, trigger,
                revision, newCommits, null);
        BuildFacts run;
        if (profile.jenkins()) {
            String job = profile.name() + (environment.equals("production") ? "/deploy-prod" : "/deploy-staging");
            run = factory.jenkins(job, facts);
        } else {
            String suffix = environment.equals("production") ? "DeployProduction" : "DeployStaging";
            run = factory.teamCity(profile.teamCityProject(), profile.teamCityProject() + "_" + suffix,
                    environment.equals("production") ? "Deploy to production" : "Deploy to staging", facts,
                    new DeploymentDeclaration(DeploymentDeclaration.Source.EXPLICIT, "teamcity-deployment-type",
                            environment, profile.name(), version), false);
        }
        runs.add(run);
        return run;
    }

    private RunFactory.Run timed(Instant queuedAt, int queueSeconds, int minutes, String result, Trigger trigger,
                                 String revision, List<Commit> newCommits, TestCounts tests) {
        Instant startedAt = queuedAt.plusSeconds(queueSeconds / 2 + random.nextInt(queueSeconds + 1));
        long seconds = Math.round(minutes * 60 * (0.7 + 0.6 * random.nextDouble()));
        Vcs vcs = Vcs.of(repository, revision, "main");
        return new RunFactory.Run(result, queuedAt, startedAt, startedAt.plusSeconds(seconds), trigger, vcs,
                newCommits, tests);
    }

    /** Commits after {@code after} up to {@code head}, newest first as the hosts list them. */
    private List<Commit> commitsSince(int after, int head) {
        List<Commit> since = new ArrayList<>(commits.subList(after + 1, head + 1));
        java.util.Collections.reverse(since);
        return since;
    }

    private String revisionOf(int head) {
        return commits.get(head).id();
    }

    /** Jenkins deploys a revision; TeamCity's deployments declare a version number. */
    private String versionOf(int head) {
        return profile.jenkins() ? revisionOf(head) : "1.0." + (head + 1);
    }

    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
