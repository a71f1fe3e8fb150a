package io.buildanalytics.model.facts;

/**
 * What the host knows about why a run ended, beyond its raw result word. Adapters set these from host facts
 * (Jenkins timeout interruption, TeamCity canceled info or execution-timeout problem) so the mapping to
 * {@link PipelineResult} happens once, here.
 */
public enum ResultHint {
    /** The run was stopped because it exceeded its time limit. */
    TIMEOUT,
    /** The CI system failed the run: agent lost or disconnected, failed to start, JVM crash. */
    INFRASTRUCTURE,
    /** The run was cancelled (by a user or by the system). */
    CANCELED
}
