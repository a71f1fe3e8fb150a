package io.buildanalytics.model.derive;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildanalytics.model.Fixtures;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.facts.Commit;
import io.buildanalytics.model.schema.EventIdentity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeploymentDerivationTest {

    private static final String DEPLOY = "shop/deploy-production";
    private final Timeline timeline = new Timeline();
    private static final DeploymentRules RULES =
            DeploymentRules.of(List.of(NamePatternRule.of("deploy-(?<environment>production|staging)$", null, null)));
    private final Derivations derivations = new Derivations(RULES);

    private DeploymentHistory deploymentOf(BuildFacts run) {
        return derivations.derive(run, timeline.before(run)).deployment();
    }

    /** A production deployment of version {@code version} carrying {@code commits}. */
    private BuildFacts deploy(String result, String version, List<Commit> commits) {
        return timeline.add(DEPLOY, result, b -> b.vcs(Fixtures.git("sha-" + version)).commits(commits));
    }

    private static Commit commit(String id, Instant at) {
        return new Commit(id, at);
    }

    private static String idOf(BuildFacts run) {
        return EventIdentity.eventId(run.server().id(), run.pipeline().id(), run.run().id(), "pipeline_run");
    }

    @Test
    void theFirstDeploymentHasNoPredecessorAndNoLeadTimes() {
        BuildFacts first = deploy("SUCCESS", "v1", List.of(commit("c1", Fixtures.T0)));

        DeploymentHistory history = deploymentOf(first);
        assertThat(history.deployment().environment()).isEqualTo("production");
        assertThat(history.deployment().service()).isEqualTo("shop");
        assertThat(history.previous()).isNull();
        assertThat(history.changes()).isNull();
        assertThat(history.rollback()).isFalse();
    }

    @Test
    void previousDeploymentIsTheLastSuccessfulOneOfTheSameServiceAndEnvironment() {
        BuildFacts v1 = deploy("SUCCESS", "v1", List.of());
        timeline.add("shop/deploy-staging", "SUCCESS", b -> b.vcs(Fixtures.git("sha-v9")));
        timeline.add("cart/deploy-production", "SUCCESS", b -> b.vcs(Fixtures.git("sha-v8")));
        deploy("FAILURE", "v2", List.of());
        BuildFacts v3 = deploy("SUCCESS", "v3", List.of());

        DeploymentHistory.Previous previous = deploymentOf(v3).previous();
        assertThat(previous.id()).isEqualTo(idOf(v1));
        assertThat(previous.revision()).isEqualTo("sha-v1");
        assertThat(previous.version()).isEqualTo("sha-v1");
        assertThat(previous.finishedAt()).isEqualTo(v1.finishedAt());
    }

    @Test
    void leadTimesCoverThisRunsCommitsAndThoseOfFailedAttemptsSinceThePreviousDeployment() {
        Instant t = Fixtures.T0;
        deploy("SUCCESS", "v1", List.of(commit("c1", t.minus(Duration.ofDays(30)))));
        deploy("FAILURE", "v2", List.of(commit("c2", t.plus(Duration.ofMinutes(10))),
                commit("c3", t.plus(Duration.ofMinutes(20)))));
        deploy("ABORTED", "v2", List.of());
        BuildFacts v3 = deploy("SUCCESS", "v3", List.of(commit("c4", t.plus(Duration.ofMinutes(150))),
                commit("c1", t.minus(Duration.ofDays(30))))); // c1 is already in production

        DeploymentHistory.Changes changes = deploymentOf(v3).changes();
        Instant end = v3.finishedAt();
        assertThat(changes.count()).isEqualTo(3);
        assertThat(changes.leadTimes()).containsExactlyInAnyOrder(
                Duration.between(t.plus(Duration.ofMinutes(150)), end),
                Duration.between(t.plus(Duration.ofMinutes(10)), end),
                Duration.between(t.plus(Duration.ofMinutes(20)), end));
        assertThat(changes.firstCommittedAt()).isEqualTo(t.plus(Duration.ofMinutes(10)));
    }

    @Test
    void commitsOfAttemptsBeforeThePreviousDeploymentAreNotCountedAgain() {
        Instant t = Fixtures.T0;
        deploy("FAILURE", "v1", List.of(commit("old", t.minus(Duration.ofDays(3)))));
        deploy("SUCCESS", "v1", List.of());
        BuildFacts v2 = deploy("SUCCESS", "v2", List.of(commit("new", t)));

        assertThat(deploymentOf(v2).changes().count()).isEqualTo(1);
        assertThat(deploymentOf(v2).changes().leadTimes()).containsExactly(Duration.between(t, v2.finishedAt()));
    }

    @Test
    void commitsWithoutTimeAreCountedAndCommitsDatedAfterTheDeploymentGiveNoLeadTime() {
        deploy("SUCCESS", "v1", List.of());
        Instant future = timeline.now().plus(Duration.ofDays(1));
        BuildFacts v2 = deploy("SUCCESS", "v2", List.of(new Commit("undated", null), commit("future", future),
                commit("dated", Fixtures.T0)));

        DeploymentHistory.Changes changes = deploymentOf(v2).changes();
        assertThat(changes.count()).isEqualTo(3);
        assertThat(changes.leadTimes()).containsExactly(Duration.between(Fixtures.T0, v2.finishedAt()));
    }

    @Test
    void failedAndNonProductionDeploymentsCarryNoLeadTimes() {
        deploy("SUCCESS", "v1", List.of());
        BuildFacts failed = deploy("FAILURE", "v2", List.of(commit("c", Fixtures.T0)));
        timeline.add("shop/deploy-staging", "SUCCESS", b -> b.vcs(Fixtures.git("sha-v1")));
        BuildFacts staging = timeline.add("shop/deploy-staging", "SUCCESS",
                b -> b.vcs(Fixtures.git("sha-v2")).commits(List.of(commit("c", Fixtures.T0))));

        assertThat(deploymentOf(failed).changes()).isNull();
        assertThat(deploymentOf(failed).previous()).isNotNull();
        assertThat(deploymentOf(staging).deployment().production()).isFalse();
        assertThat(deploymentOf(staging).previous()).isNotNull();
        assertThat(deploymentOf(staging).changes()).isNull();
    }

    @Test
    void redeployingAnEarlierVersionIsARollbackThatRemediesThePreviousDeployment() {
        deploy("SUCCESS", "v1", List.of());
        BuildFacts bad = deploy("SUCCESS", "v2", List.of(commit("c2", Fixtures.T0)));
        BuildFacts rollback = deploy("SUCCESS", "v1", List.of());

        DeploymentHistory history = deploymentOf(rollback);
        assertThat(history.rollback()).isTrue();
        assertThat(history.remediation().type()).isEqualTo("rollback");
        assertThat(history.remediation().failedDeploymentId()).isEqualTo(idOf(bad));
        assertThat(history.remediation().failedDeploymentFinishedAt()).isEqualTo(bad.finishedAt());
        assertThat(history.remediation().recoveryTime()).isEqualTo(Timeline.STEP);
        assertThat(history.changes()).as("a rollback brings no new commits").isNull();
    }

    @Test
    void redeploysNewVersionsAndFailedAttemptsAreNotRollbacks() {
        deploy("SUCCESS", "v1", List.of());
        deploy("SUCCESS", "v2", List.of());
        BuildFacts redeploy = deploy("SUCCESS", "v2", List.of());
        BuildFacts newer = deploy("SUCCESS", "v3", List.of());
        BuildFacts failedOld = deploy("FAILURE", "v1", List.of());

        assertThat(deploymentOf(redeploy).rollback()).isFalse();
        assertThat(deploymentOf(newer).rollback()).isFalse();
        assertThat(deploymentOf(failedOld).rollback()).isFalse();
        assertThat(deploymentOf(failedOld).remediation()).isNull();
    }

    @Test
    void aVersionThatNeverSucceededBeforeIsNotARollback() {
        deploy("FAILURE", "v1", List.of());
        deploy("SUCCESS", "v2", List.of());
        BuildFacts v1Again = deploy("SUCCESS", "v1", List.of());

        assertThat(deploymentOf(v1Again).rollback()).isFalse();
    }

    @Test
    void aDeclaredVersionIsWhatRollbackDetectionCompares() {
        timeline.add("shop/release", "SUCCESS",
                b -> b.vcs(Fixtures.git("a")).deployment(Fixtures.declared("prod", "shop", "1.0")));
        BuildFacts second = timeline.add("shop/release", "SUCCESS",
                b -> b.vcs(Fixtures.git("b")).deployment(Fixtures.declared("prod", "shop", "1.1")));
        BuildFacts back = timeline.add("shop/release", "SUCCESS",
                b -> b.vcs(Fixtures.git("c")).deployment(Fixtures.declared("production", "shop", "1.0")));

        assertThat(deploymentOf(back).rollback()).isTrue();
        assertThat(deploymentOf(back).remediation().failedDeploymentId()).isEqualTo(idOf(second));
        assertThat(deploymentOf(back).previous().version()).isEqualTo("1.1");
    }

    @Test
    void depthCountsDeploymentsOfTheSameTargetNotUnrelatedRuns() {
        BuildFacts v1 = deploy("SUCCESS", "v1", List.of());
        for (int i = 0; i < 5; i++) {
            timeline.add("shop/build", "SUCCESS");
        }
        BuildFacts v2 = deploy("SUCCESS", "v2", List.of(commit("c", Fixtures.T0)));

        DeploymentHistory history = new Derivations(RULES, 1).derive(v2, timeline.before(v2)).deployment();
        assertThat(history.previous().id()).isEqualTo(idOf(v1));
        assertThat(history.changes().count()).isEqualTo(1);
    }
}
