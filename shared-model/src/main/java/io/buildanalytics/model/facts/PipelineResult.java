package io.buildanalytics.model.facts;

import java.util.Locale;

/** OpenTelemetry {@code cicd.pipeline.result}, the host-neutral result of a run. */
public enum PipelineResult {
    SUCCESS(Outcome.SUCCESS),
    /** The build itself failed: compilation, tests, a non-zero exit. */
    FAILURE(Outcome.FAILURE),
    /** The CI system failed the run: agent lost, failed to start, internal error. */
    ERROR(Outcome.FAILURE),
    /**
     * The run hit its time limit. Counted as a failure on both hosts: a build that cannot finish in time is
     * broken for the team, and TeamCity reports it as a failure too.
     */
    TIMEOUT(Outcome.FAILURE),
    /** Somebody or something stopped it. Neither success nor failure, so failure rates leave it out. */
    CANCELLATION(Outcome.UNKNOWN),
    /** The run decided there was nothing to do (Jenkins NOT_BUILT). */
    SKIP(Outcome.UNKNOWN);

    private final Outcome outcome;

    PipelineResult(Outcome outcome) {
        this.outcome = outcome;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** A decisive run turns a pipeline green or red; cancelled and skipped runs leave its state as it was. */
    public boolean isDecisive() {
        return outcome != Outcome.UNKNOWN;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
