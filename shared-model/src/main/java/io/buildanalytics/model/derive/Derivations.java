package io.buildanalytics.model.derive;

import io.buildanalytics.model.facts.BuildFacts;
import java.util.Objects;

/**
 * Computes every history-dependent value of a run at the edge, from the host's own history, so that dashboards
 * only need plain aggregations.
 */
public final class Derivations {

    /** How many earlier runs or deployments one derivation may read, at most. */
    public static final int DEFAULT_DEPTH = 500;

    private final DeploymentClassifier classifier;
    private final int depth;

    public Derivations(DeploymentRules rules) {
        this(rules, DEFAULT_DEPTH);
    }

    public Derivations(DeploymentRules rules, int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("History depth must be at least 1, was " + depth);
        }
        this.classifier = new DeploymentClassifier(Objects.requireNonNull(rules, "rules"));
        this.depth = depth;
    }

    public Derived derive(BuildFacts current, History history) {
        RunStreak streak;
        try (var runs = history.pipelineRuns()) {
            streak = PipelineDerivation.derive(current, runs, depth);
        }
        DeploymentHistory deployment = classifier.classify(current).map(classified -> {
            try (var candidates = history.deploymentCandidates(classified.service(), classified.environment())) {
                return DeploymentDerivation.derive(current, classified, candidates, classifier, depth);
            }
        }).orElse(null);
        return new Derived(streak, deployment);
    }
}
