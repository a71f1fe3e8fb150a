package io.buildanalytics.jenkins.history;

import hudson.model.Job;
import hudson.model.Run;
import io.buildanalytics.jenkins.facts.RunReader;
import io.buildanalytics.model.derive.History;
import io.buildanalytics.model.facts.BuildFacts;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A job's earlier finished builds, newest first, read lazily through {@link Run#getPreviousBuild()} so the
 * derivations load only as many build records as they need. In a multibranch project every branch is its own job,
 * so "the same pipeline on the same branch" is simply the same job.
 */
public final class JobHistory implements History {

    /** How far back derivations may look; enough for streaks and lead times, bounded for huge jobs. */
    public static final int MAX_DEPTH = 500;

    private final Run<?, ?> newest;
    private final RunReader reader;

    /** @param run the run being derived; its history starts with the build before it */
    public JobHistory(Run<?, ?> run, RunReader reader) {
        this.newest = run;
        this.reader = reader;
    }

    /** The history of the build with this number in this job, or none when the job or build is gone. */
    public static History of(Job<?, ?> job, int number, RunReader reader) {
        Run<?, ?> run = job == null ? null : job.getBuildByNumber(number);
        return run == null ? History.none() : new JobHistory(run, reader);
    }

    @Override
    public Stream<BuildFacts> pipelineRuns() {
        Iterator<BuildFacts> earlier = BuildChain.newestFirst(newest.getPreviousBuild(), reader, Long.MIN_VALUE,
                MAX_DEPTH);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(earlier, Spliterator.ORDERED), false);
    }

    /** The same job's runs: a job that deploys a service is where its earlier deployments are. */
    @Override
    public Stream<BuildFacts> deploymentCandidates(String service, String environment) {
        return pipelineRuns();
    }
}
