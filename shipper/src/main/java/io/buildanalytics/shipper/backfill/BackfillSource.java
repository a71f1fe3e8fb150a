package io.buildanalytics.shipper.backfill;

import io.buildanalytics.model.facts.BuildFacts;
import java.time.Instant;
import java.util.Iterator;

/** A CI server's build history, as a {@link Backfill} reads it: each plugin answers from its own host. */
public interface BackfillSource {

    /** The names of all pipelines (Jenkins job full names); a request's pattern is matched against these. */
    Iterable<String> pipelines();

    /**
     * The pipeline's finished runs that started at or after {@code since}, newest first, read lazily (the backfill
     * waits between runs when the spool is full). Runs that cannot be read are left out; a pipeline that no
     * longer exists has none.
     */
    Iterator<BuildFacts> runs(String pipeline, Instant since);

    /** What this CI server calls its pipelines, for the progress line. */
    default String pipelineNoun() {
        return "jobs";
    }
}
