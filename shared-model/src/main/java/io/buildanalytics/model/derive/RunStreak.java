package io.buildanalytics.model.derive;

import io.buildanalytics.model.facts.PipelineResult;
import java.time.Duration;

/**
 * What the pipeline's recent history says about this run.
 *
 * @param previousResult result of the previous decisive run (cancelled and skipped runs are passed over), or null
 * @param firstFailure   this run failed and the previous decisive run succeeded, or there was none
 * @param recoveryTime   on the first success after failures: from the end of the first failure of the streak to
 *                       the end of this run; null otherwise
 * @param attempt        runs in a row, this one included, that built this revision; null without a revision
 * @param flakySuspect   succeeded right after a failure of the same revision
 */
public record RunStreak(PipelineResult previousResult, boolean firstFailure, Duration recoveryTime, Integer attempt,
                        boolean flakySuspect) {
}
