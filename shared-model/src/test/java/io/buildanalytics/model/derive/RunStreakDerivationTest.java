package io.buildanalytics.model.derive;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildanalytics.model.Fixtures;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.facts.PipelineResult;
import io.buildanalytics.model.facts.ResultHint;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RunStreakDerivationTest {

    private static final String JOB = "shop/build";
    private final Timeline timeline = new Timeline();
    private final Derivations derivations = new Derivations(DeploymentRules.explicitOnly());

    private RunStreak streakOf(BuildFacts run) {
        return derivations.derive(run, timeline.before(run)).streak();
    }

    private BuildFacts add(String result) {
        return timeline.add(JOB, result);
    }

    private BuildFacts add(String result, String revision) {
        return timeline.add(JOB, result, b -> b.vcs(Fixtures.git(revision)));
    }

    @Test
    void firstRunOfAPipelineHasNoPreviousResultAndNoRecovery() {
        RunStreak streak = streakOf(add("SUCCESS", "r1"));

        assertThat(streak.previousResult()).isNull();
        assertThat(streak.firstFailure()).isFalse();
        assertThat(streak.recoveryTime()).isNull();
        assertThat(streak.attempt()).isEqualTo(1);
        assertThat(streak.flakySuspect()).isFalse();
    }

    @Test
    void aFailingFirstRunTurnsThePipelineRed() {
        assertThat(streakOf(add("FAILURE")).firstFailure()).isTrue();
    }

    @Test
    void onlyTheFirstFailureAfterASuccessIsTheFirstFailure() {
        add("SUCCESS");
        BuildFacts first = add("FAILURE");
        BuildFacts second = add("FAILURE");

        assertThat(streakOf(first).firstFailure()).isTrue();
        assertThat(streakOf(first).previousResult()).isEqualTo(PipelineResult.SUCCESS);
        assertThat(streakOf(second).firstFailure()).isFalse();
        assertThat(streakOf(second).previousResult()).isEqualTo(PipelineResult.FAILURE);
    }

    @Test
    void cancelledAndSkippedRunsDoNotChangeThePipelineState() {
        add("SUCCESS");
        add("FAILURE");
        add("ABORTED");
        add("NOT_BUILT");
        BuildFacts failure = add("FAILURE");

        RunStreak streak = streakOf(failure);
        assertThat(streak.previousResult()).isEqualTo(PipelineResult.FAILURE);
        assertThat(streak.firstFailure()).isFalse();

        BuildFacts cancelled = add("ABORTED");
        assertThat(streakOf(cancelled).firstFailure()).isFalse();
        assertThat(streakOf(cancelled).previousResult()).isEqualTo(PipelineResult.FAILURE);
    }

    @Test
    void recoveryTimeRunsFromTheEndOfTheFirstFailureOfTheStreak() {
        add("SUCCESS");
        BuildFacts firstRed = add("FAILURE");
        add("FAILURE");
        add("UNSTABLE");
        BuildFacts green = add("SUCCESS");

        Duration expected = Duration.between(firstRed.finishedAt(), green.finishedAt());
        assertThat(streakOf(green).recoveryTime()).isEqualTo(expected).isEqualTo(Timeline.STEP.multipliedBy(3));
        assertThat(streakOf(green).previousResult()).isEqualTo(PipelineResult.FAILURE);
    }

    @Test
    void aCancelledRunInsideTheRedStreakNeitherEndsNorStartsIt() {
        add("SUCCESS");
        BuildFacts firstRed = add("FAILURE");
        add("ABORTED");
        add("FAILURE");
        BuildFacts green = add("SUCCESS");

        assertThat(streakOf(green).recoveryTime()).isEqualTo(Duration.between(firstRed.finishedAt(), green.finishedAt()));
    }

    @Test
    void aPipelineRedSinceItsFirstRunRecoversFromThatRun() {
        BuildFacts firstRed = add("FAILURE");
        add("FAILURE");
        BuildFacts green = add("SUCCESS");

        assertThat(streakOf(green).recoveryTime()).isEqualTo(Timeline.STEP.multipliedBy(2));
        assertThat(Duration.between(firstRed.finishedAt(), green.finishedAt())).isEqualTo(Timeline.STEP.multipliedBy(2));
    }

    @Test
    void aSuccessAfterASuccessHasNoRecoveryTime() {
        add("FAILURE");
        add("SUCCESS");
        BuildFacts again = add("SUCCESS");

        assertThat(streakOf(again).recoveryTime()).isNull();
    }

    @Test
    void timeoutsAndInfrastructureErrorsCountAsRed() {
        add("SUCCESS");
        BuildFacts timedOut = timeline.add(JOB, "ABORTED", b -> b.result("ABORTED", ResultHint.TIMEOUT));
        timeline.add(JOB, "FAILURE", b -> b.result("FAILURE", ResultHint.INFRASTRUCTURE));
        BuildFacts green = add("SUCCESS");

        assertThat(streakOf(timedOut).firstFailure()).isTrue();
        assertThat(streakOf(green).previousResult()).isEqualTo(PipelineResult.ERROR);
        assertThat(streakOf(green).recoveryTime()).isEqualTo(Timeline.STEP.multipliedBy(2));
    }

    @Test
    void attemptCountsTheRunsInARowThatBuiltTheSameRevision() {
        add("SUCCESS", "r1");
        add("FAILURE", "r2");
        add("ABORTED", "r2");
        BuildFacts third = add("SUCCESS", "r2");
        BuildFacts next = add("SUCCESS", "r3");
        BuildFacts backToOld = add("SUCCESS", "r2");

        assertThat(streakOf(third).attempt()).isEqualTo(3);
        assertThat(streakOf(next).attempt()).isEqualTo(1);
        assertThat(streakOf(backToOld).attempt()).isEqualTo(1);
        assertThat(streakOf(add("FAILURE")).attempt()).isNull();
    }

    @Test
    void aSuccessRightAfterAFailureOfTheSameRevisionIsAFlakySuspect() {
        add("FAILURE", "r1");
        add("ABORTED", "r1");
        BuildFacts retried = add("SUCCESS", "r1");
        add("FAILURE", "r2");
        BuildFacts fixed = add("SUCCESS", "r3");
        BuildFacts steady = add("SUCCESS", "r3");

        assertThat(streakOf(retried).flakySuspect()).isTrue();
        assertThat(streakOf(fixed).flakySuspect()).isFalse();
        assertThat(streakOf(steady).flakySuspect()).isFalse();
    }

    @Test
    void otherPipelinesAndBranchesAreNotPartOfTheStreak() {
        add("SUCCESS");
        timeline.add("shop/other", "FAILURE");
        timeline.add(JOB, "FAILURE", b -> b.vcs(io.buildanalytics.model.facts.Vcs.of(null, "x", "feature")));
        BuildFacts failure = add("FAILURE");

        assertThat(streakOf(failure).firstFailure()).isTrue();
    }

    @Test
    void historyDepthBoundsHowFarBackTheStreakIsRead() {
        add("SUCCESS");
        add("FAILURE");
        BuildFacts third = add("FAILURE");
        add("FAILURE");
        BuildFacts green = add("SUCCESS");

        RunStreak shallow = new Derivations(DeploymentRules.explicitOnly(), 2).derive(green, timeline.before(green))
                .streak();
        assertThat(shallow.recoveryTime()).isEqualTo(Duration.between(third.finishedAt(), green.finishedAt()));
    }
}
