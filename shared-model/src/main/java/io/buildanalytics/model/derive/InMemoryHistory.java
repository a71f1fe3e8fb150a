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

    private final DeploymentClassifier classifier;
    private final List<BuildFacts> runs = new ArrayList<>();
    /** Per recorded run, the service and environment it deploys to, when a classifier is known. */
    private final List<String> targets = new ArrayList<>();

    /** Deployment candidates are all earlier runs: fine for small histories. */
    public InMemoryHistory() {
        this(null);
    }

    /**
     * Classifies each run once as it is recorded, so deployment candidates are only the runs that deployed the
     * same service to the same environment: what a long generated history needs.
     */
    public InMemoryHistory(DeploymentClassifier classifier) {
        this.classifier = classifier;
    }

    public void record(BuildFacts run) {
        runs.add(Objects.requireNonNull(run, "run"));
        targets.add(classifier == null ? null
                : classifier.classify(run).map(d -> target(d.service(), d.environment())).orElse(null));
    }

    /** The history as {@code current} sees it. */
    public History before(BuildFacts current) {
        int currentIndex = indexOf(current);
        List<Integer> earlier = new ArrayList<>();
        // Walk newest-recorded first so that the stable sort below keeps the later-recorded of two runs that
        // finished at the same instant in front.
        for (int i = runs.size() - 1; i >= 0; i--) {
            int order = runs.get(i).finishedAt().compareTo(current.finishedAt());
            boolean earlierThanCurrent = order < 0 || (order == 0 && (currentIndex < 0 || i < currentIndex));
            if (i != currentIndex && earlierThanCurrent) {
                earlier.add(i);
            }
        }
        earlier.sort(Comparator.comparing((Integer i) -> runs.get(i).finishedAt()).reversed());
        List<Integer> snapshot = List.copyOf(earlier);
        return new History() {
            @Override
            public Stream<BuildFacts> pipelineRuns() {
                return snapshot.stream().map(runs::get).filter(run -> samePipelineAndBranch(run, current));
            }

            @Override
            public Stream<BuildFacts> deploymentCandidates(String service, String environment) {
                if (classifier == null) {
                    return snapshot.stream().map(runs::get);
                }
                String wanted = target(service, environment);
                return snapshot.stream().filter(i -> wanted.equals(targets.get(i))).map(runs::get);
            }
        };
    }

    private static String target(String service, String environment) {
        return service + '\u0000' + environment;
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
