package io.buildanalytics.jenkins.facts;

import hudson.model.Run;
import io.buildanalytics.model.facts.ResultHint;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import jenkins.model.CauseOfInterruption;
import jenkins.model.InterruptedBuildAction;

/**
 * Why an interrupted run stopped, from core's record of its interruption causes: a timeout (Pipeline
 * {@code timeout} step, build-timeout plugin) is a failure of the run, a person pressing abort is a cancellation.
 */
final class Interruptions {

    private static final List<String> TIMEOUT_CAUSES = List.of(
            "org.jenkinsci.plugins.workflow.steps.TimeoutStepExecution$ExceededTimeout",
            "hudson.plugins.build_timeout.BuildTimeoutWrapper$ExceededTimeout",
            "hudson.plugins.build_timeout.operations.TimeOutCauseOfInterruption");

    private Interruptions() {
    }

    record Reading(Set<ResultHint> hints, String description) {
    }

    static Reading of(Run<?, ?> run) {
        Set<ResultHint> hints = EnumSet.noneOf(ResultHint.class);
        String description = null;
        for (InterruptedBuildAction action : run.getActions(InterruptedBuildAction.class)) {
            for (CauseOfInterruption cause : action.getCauses()) {
                if (isTimeout(cause)) {
                    hints.add(ResultHint.TIMEOUT);
                    description = "Timeout exceeded";
                } else if (cause instanceof CauseOfInterruption.UserInterruption) {
                    hints.add(ResultHint.CANCELED);
                    if (description == null) {
                        description = "Aborted by a user";
                    }
                }
            }
        }
        return new Reading(hints, description);
    }

    private static boolean isTimeout(CauseOfInterruption cause) {
        String name = cause.getClass().getName();
        return TIMEOUT_CAUSES.contains(name) || name.contains("Timeout") || name.contains("TimeOut");
    }
}
