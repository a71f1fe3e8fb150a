package io.buildanalytics.shipper.backfill;

import java.time.Instant;

/**
 * A backfill's progress, for the status block.
 *
 * @param state      running, finished, stopped (Jenkins shut down; it resumes at the next start) or failed
 * @param request    what is being sent
 * @param pipelines  what the CI server calls its pipelines ("jobs", "build configurations")
 * @param jobsTotal  jobs the request covers
 * @param jobsDone   jobs whose builds are all spooled (including those done before a resume)
 * @param runsSent   builds handed to the shipper by this backfill
 * @param message    why it failed or stopped, else null
 */
public record BackfillProgress(State state, String request, String pipelines, int jobsTotal, int jobsDone, long runsSent,
                               Instant startedAt, Instant finishedAt, String message) {

    public enum State { RUNNING, FINISHED, STOPPED, FAILED }

    public String summary() {
        String counts = jobsDone + " of " + jobsTotal + " " + pipelines + ", " + runsSent + " builds sent (" + request + ")";
        return switch (state) {
            case RUNNING -> "Backfill running: " + counts;
            case FINISHED -> "Backfill finished: " + counts;
            case STOPPED -> "Backfill stopped, resumes at the next start: " + counts;
            case FAILED -> "Backfill failed: " + message + " (" + counts + ")";
        };
    }
}
