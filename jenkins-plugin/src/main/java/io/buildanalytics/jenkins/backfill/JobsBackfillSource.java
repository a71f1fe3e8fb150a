package io.buildanalytics.jenkins.backfill;

import hudson.model.Job;
import io.buildanalytics.jenkins.facts.RunReader;
import io.buildanalytics.jenkins.history.BuildChain;
import io.buildanalytics.jenkins.runtime.Host;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.shipper.backfill.BackfillSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * Jenkins' build history for a backfill: every job by full name, and its builds newest first
 * ({@link BuildChain}), so Jenkins loads build records only as the backfill gets to them.
 */
public final class JobsBackfillSource implements BackfillSource {

    private final Host host;
    private final RunReader reader;

    public JobsBackfillSource(Host host, RunReader reader) {
        this.host = host;
        this.reader = reader;
    }

    @Override
    public Iterable<String> pipelines() {
        List<String> names = new ArrayList<>();
        for (Job<?, ?> job : host.allJobs()) {
            names.add(job.getFullName());
        }
        return names;
    }

    @Override
    public Iterator<BuildFacts> runs(String pipeline, Instant since) {
        Job<?, ?> job = host.job(pipeline);
        if (job == null) {
            return Collections.emptyIterator();
        }
        return BuildChain.newestFirst(job.getLastBuild(), reader, since.toEpochMilli(), Integer.MAX_VALUE);
    }
}
