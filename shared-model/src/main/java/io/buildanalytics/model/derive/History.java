package io.buildanalytics.model.derive;

import io.buildanalytics.model.facts.BuildFacts;
import java.util.stream.Stream;

/**
 * The host's memory of earlier runs, as each adapter reads it from its own build history. Derivations read it
 * lazily and stop early, so an adapter should produce facts one at a time (and may cap how far back it goes).
 *
 * <p>Reading history touches the host's build records; call derivations on the plugin's own threads, never in
 * the build-finished callback.
 */
public interface History {

    /**
     * Earlier finished runs of the same pipeline (for hosts whose pipelines span branches: on the same branch),
     * newest first, not including the run being derived.
     */
    Stream<BuildFacts> pipelineRuns();

    /**
     * Earlier finished runs that may have deployed {@code service} to {@code environment}, newest first. It may
     * return runs that did not (the caller classifies each with the same rules); the simplest correct answer for
     * a host is the same pipeline's runs, a better one adds other pipelines known to deploy that service.
     */
    Stream<BuildFacts> deploymentCandidates(String service, String environment);

    /** No earlier runs: the first run of a new pipeline. */
    static History none() {
        return new History() {
            @Override
            public Stream<BuildFacts> pipelineRuns() {
                return Stream.empty();
            }

            @Override
            public Stream<BuildFacts> deploymentCandidates(String service, String environment) {
                return Stream.empty();
            }
        };
    }
}
