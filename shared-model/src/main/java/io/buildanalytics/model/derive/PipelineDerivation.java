package io.buildanalytics.model.derive;

import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.facts.Outcome;
import io.buildanalytics.model.facts.PipelineResult;
import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Derives {@link RunStreak} in one pass over the pipeline's earlier runs, newest first, stopping as soon as every
 * value is known (usually after one or two runs).
 */
final class PipelineDerivation {

    private PipelineDerivation() {
    }

    static RunStreak derive(BuildFacts current, Stream<BuildFacts> earlierRuns, int depth) {
        Outcome outcome = current.outcome();
        String revision = current.revision();

        boolean countingAttempts = revision != null;
        int attempt = 1;
        BuildFacts previousDecisive = null;
        // Only a success right after a failure looks back along the red streak.
        boolean walkingRedStreak = false;
        BuildFacts firstOfStreak = null;

        Iterator<BuildFacts> runs = earlierRuns.limit(depth).iterator();
        while (runs.hasNext()) {
            BuildFacts run = runs.next();
            if (countingAttempts) {
                if (revision.equals(run.revision())) {
                    attempt++;
                } else {
                    countingAttempts = false;
                }
            }
            PipelineResult result = run.pipelineResult();
            if (result.isDecisive()) {
                if (previousDecisive == null) {
                    previousDecisive = run;
                    walkingRedStreak = outcome == Outcome.SUCCESS && result.outcome() == Outcome.FAILURE;
                    firstOfStreak = walkingRedStreak ? run : null;
                } else if (walkingRedStreak) {
                    if (result.outcome() == Outcome.FAILURE) {
                        firstOfStreak = run;
                    } else {
                        walkingRedStreak = false;
                    }
                }
            }
            if (!countingAttempts && previousDecisive != null && !walkingRedStreak) {
                break;
            }
        }

        PipelineResult previousResult = previousDecisive == null ? null : previousDecisive.pipelineResult();
        boolean firstFailure = outcome == Outcome.FAILURE
                && (previousDecisive == null || previousDecisive.outcome() == Outcome.SUCCESS);
        Duration recoveryTime = firstOfStreak == null ? null
                : nonNegative(Duration.between(firstOfStreak.finishedAt(), current.finishedAt()));
        boolean flakySuspect = outcome == Outcome.SUCCESS && previousDecisive != null
                && previousDecisive.outcome() == Outcome.FAILURE && revision != null
                && Objects.equals(revision, previousDecisive.revision());
        return new RunStreak(previousResult, firstFailure, recoveryTime, revision == null ? null : attempt,
                flakySuspect);
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
