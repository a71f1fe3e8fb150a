package io.buildanalytics.model.derive;

import io.buildanalytics.model.facts.BuildFacts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
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
    /**
     * Indices of the recorded runs, each list in the order "earlier" means (finish time, then recording order):
     * by server, pipeline and branch; by deployment target; all of them, only without a classifier. A lookup finds where the current run
     * falls by binary search and reads backwards from there, only as far as the derivation asks, so a history of
     * a hundred thousand runs is derived in seconds, not hours.
     */
    private final List<Integer> all = new ArrayList<>();
    private final Map<String, List<Integer>> byPipelineAndBranch = new HashMap<>();
    private final Map<String, List<Integer>> byTarget = new HashMap<>();
    private final Map<String, Integer> byRunId = new HashMap<>();

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
        int index = runs.size();
        runs.add(Objects.requireNonNull(run, "run"));
        insert(byPipelineAndBranch.computeIfAbsent(pipelineAndBranch(run), key -> new ArrayList<>()), index);
        if (classifier == null) {
            insert(all, index);
        } else {
            classifier.classify(run).ifPresent(deployment -> insert(byTarget.computeIfAbsent(
                    target(deployment.service(), deployment.environment()), key -> new ArrayList<>()), index));
        }
        byRunId.putIfAbsent(runId(run), index);
    }

    /** The history as {@code current} sees it. */
    public History before(BuildFacts current) {
        int currentIndex = byRunId.getOrDefault(runId(current), -1);
        return new History() {
            @Override
            public Stream<BuildFacts> pipelineRuns() {
                return newestFirstBefore(byPipelineAndBranch.getOrDefault(pipelineAndBranch(current), List.of()),
                        current, currentIndex);
            }

            @Override
            public Stream<BuildFacts> deploymentCandidates(String service, String environment) {
                List<Integer> candidates = classifier == null ? all
                        : byTarget.getOrDefault(target(service, environment), List.of());
                return newestFirstBefore(candidates, current, currentIndex);
            }
        };
    }

    /** Keeps {@code indices} in "earlier" order; runs mostly arrive in finish order, so this is mostly an append. */
    private void insert(List<Integer> indices, int index) {
        int at = indices.size();
        while (at > 0 && isBefore(index, indices.get(at - 1))) {
            at--;
        }
        indices.add(at, index);
    }

    /** Whether run {@code a} comes before run {@code b}: finished earlier, or at the same instant and recorded first. */
    private boolean isBefore(int a, int b) {
        int order = runs.get(a).finishedAt().compareTo(runs.get(b).finishedAt());
        return order < 0 || (order == 0 && a < b);
    }

    /**
     * The runs among {@code indices} (in "earlier" order) that are earlier than {@code current}, newest first:
     * those finished before it, or at the same instant and recorded before it (all of those when it was never
     * recorded).
     */
    private Stream<BuildFacts> newestFirstBefore(List<Integer> indices, BuildFacts current, int currentIndex) {
        int low = 0;
        int high = indices.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            int candidate = indices.get(middle);
            int order = runs.get(candidate).finishedAt().compareTo(current.finishedAt());
            boolean earlier = order < 0 || (order == 0 && (currentIndex < 0 || candidate < currentIndex));
            if (earlier) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        int end = low;
        return IntStream.range(0, end).mapToObj(k -> runs.get(indices.get(end - 1 - k)));
    }

    private static String target(String service, String environment) {
        return service + '\u0000' + environment;
    }

    private static String runId(BuildFacts run) {
        return run.server().id() + '\u0000' + run.run().id();
    }

    private static String pipelineAndBranch(BuildFacts run) {
        String branch = run.vcs() == null ? null : run.vcs().refName();
        return run.server().id() + '\u0000' + run.pipeline().id() + '\u0000' + (branch == null ? "\u0001" : branch);
    }
}
