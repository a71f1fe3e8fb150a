package io.buildanalytics.model.derive;

import io.buildanalytics.model.facts.BuildFacts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A history held in memory: every run recorded so far, across pipelines and servers. Used by the demo generator
 * and by backfills that read a whole history first; adapters with a host history implement {@link History}
 * directly.
 *
 * <p>"Earlier" means finished before the run being derived, or finished at the same instant and recorded before
 * it. Not thread-safe: record and derive from one thread.
 */
public final class InMemoryHistory {

    private final List<BuildFacts> runs = new ArrayList<>();

    public void record(BuildFacts run) {
        runs.add(Objects.requireNonNull(run, "run"));
    }

    /** The history as {@code current} sees it. */
    public History before(BuildFacts current) {
        int currentIndex = indexOf(current);
        List<BuildFacts> earlier = new ArrayList<>();
        // Walk newest-recorded first so that the stable sort below keeps the later-recorded of two runs that
        // finished at the same instant in front.
        for (int i = runs.size() - 1; i >= 0; i--) {
            BuildFacts run = runs.get(i);
            int order = run.finishedAt().compareTo(current.finishedAt());
            boolean earlierThanCurrent = order < 0 || (order == 0 && (currentIndex < 0 || i < currentIndex));
            if (i != currentIndex && earlierThanCurrent) {
                earlier.add(run);
            }
        }
        earlier.sort(Comparator.comparing(BuildFacts::finishedAt).reversed());
        List<BuildFacts> snapshot = List.copyOf(earlier);
        return new History() {
            @Override
            public Stream<BuildFacts> pipelineRuns() {
                return snapshot.stream().filter(run -> samePipelineAndBranch(run, current));
            }

            @Override
            public Stream<BuildFacts> deploymentCandidates(String service, String environment) {
                return snapshot.stream();
            }
        };
    }

    private int indexOf(BuildFacts current) {
        for (int i = 0; i < runs.size(); i++) {
            BuildFacts run = runs.get(i);
            if (run.server().id().equals(current.server().id()) && run.run().id().equals(current.run().id())) {
                return i;
            }
        }
        return -1;
    }

    private static boolean samePipelineAndBranch(BuildFacts a, BuildFacts b) {
        return a.server().id().equals(b.server().id())
                && a.pipeline().id().equals(b.pipeline().id())
                && Objects.equals(branch(a), branch(b));
    }

    private static String branch(BuildFacts run) {
        return run.vcs() == null ? null : run.vcs().refName();
    }
}
