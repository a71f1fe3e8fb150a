package io.buildanalytics.model.facts;

import java.time.Instant;

/**
 * A commit that is new in this run.
 *
 * @param id        revision id (SHA for git)
 * @param timestamp when it was written: author date where the host has it, else commit date; null if unknown.
 *                  Lead time is measured from here.
 */
public record Commit(String id, Instant timestamp) {

    public Commit {
        Checks.required(id, "Commit", "id", "the revision id");
    }
}
