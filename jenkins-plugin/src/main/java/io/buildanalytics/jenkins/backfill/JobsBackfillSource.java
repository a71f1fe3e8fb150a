package io.buildanalytics.jenkins.backfill;

import hudson.model.Job;
import hudson.model.Run;
import io.buildanalytics.jenkins.facts.RunReader;
import io.buildanalytics.jenkins.runtime.Host;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.shipper.backfill.BackfillSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Jenkins' build history for a backfill: every job by full name, and its builds newest first through
 * {@link Run#getPreviousBuild()}, so Jenkins loads build records only as the backfill gets to them.
 */
public final class JobsBackfillSource implements BackfillSource {

    private static final Logger LOGGER = Logger.getLogger(JobsBackfillSource.class.getName());

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
        long sinceMillis = since.toEpochMilli();
        return new Iterator<>() {
            private Run<?, ?> current = job.getLastBuild();
            private BuildFacts next = advance();

            private BuildFacts advance() {
                while (current != null && current.getStartTimeInMillis() >= sinceMillis) {
                    Run<?, ?> run = current;
                    current = run.getPreviousBuild();
                    Optional<BuildFacts> facts = read(run);
                    if (facts.isPresent()) {
                        return facts.get();
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public BuildFacts next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                BuildFacts result = next;
                next = advance();
                return result;
            }
        };
    }

    private Optional<BuildFacts> read(Run<?, ?> run) {
        try {
            return reader.read(run, null);
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "Backfill skipped a build it could not read", e);
            return Optional.empty();
        }
    }
}
