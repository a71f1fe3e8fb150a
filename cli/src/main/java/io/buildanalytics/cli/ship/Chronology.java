package io.buildanalytics.cli.ship;

import io.buildanalytics.cli.CliFailure;
import io.buildanalytics.cli.ExitCode;
import io.buildanalytics.model.facts.BuildFacts;

/**
 * Queued, started and finished must come in that order. The plugins read these from their host, which keeps them
 * in order; people typing them do not always, and a run that ends before it starts would show as a negative
 * duration on every duration chart.
 */
final class Chronology {

    private Chronology() {
    }

    /**
     * @param where   what the message starts with: "" for flags, the file for {@code --file}
     * @param queued  how the caller names the queue time (a flag or a JSON field); likewise the others
     */
    static void check(BuildFacts facts, String where, String queued, String started, String finished) {
        if (facts.finishedAt().isBefore(facts.startedAt())) {
            throw new CliFailure(ExitCode.INVALID_EVENT, where + finished + " (" + facts.finishedAt()
                    + ") is before " + started + " (" + facts.startedAt() + ")");
        }
        if (facts.queuedAt() != null && facts.queuedAt().isAfter(facts.startedAt())) {
            throw new CliFailure(ExitCode.INVALID_EVENT, where + queued + " (" + facts.queuedAt() + ") is after "
                    + started + " (" + facts.startedAt() + ")");
        }
    }
}
