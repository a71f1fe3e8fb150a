package io.buildanalytics.jenkins.history;

import hudson.model.Run;
import io.buildanalytics.jenkins.facts.RunReader;
import io.buildanalytics.model.facts.BuildFacts;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A job's builds as facts, newest first, following {@link Run#getPreviousBuild()} so Jenkins loads build records
 * only as far as the reader gets. Builds still running, and builds that cannot be read, are passed over.
 */
public final class BuildChain {

    private static final Logger LOGGER = Logger.getLogger(BuildChain.class.getName());

    private BuildChain() {
    }

    /**
     * @param first         the newest build to read, or null for none
     * @param minStartMillis stop at the first build that started before this
     * @param limit         read at most this many builds
     */
    public static Iterator<BuildFacts> newestFirst(Run<?, ?> first, RunReader reader, long minStartMillis,
                                                   int limit) {
        return new Iterator<>() {
            private Run<?, ?> current = first;
            private int read;
            private BuildFacts next = advance();

            private BuildFacts advance() {
                while (current != null && read < limit && current.getStartTimeInMillis() >= minStartMillis) {
                    Run<?, ?> run = current;
                    current = run.getPreviousBuild();
                    read++;
                    Optional<BuildFacts> facts = read(run, reader);
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

    private static Optional<BuildFacts> read(Run<?, ?> run, RunReader reader) {
        try {
            return reader.read(run, null);
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "Skipped a build that could not be read", e);
            return Optional.empty();
        }
    }
}
