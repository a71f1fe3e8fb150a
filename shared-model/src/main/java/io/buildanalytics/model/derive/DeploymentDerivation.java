package io.buildanalytics.model.derive;

import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.facts.Commit;
import io.buildanalytics.model.facts.Outcome;
import io.buildanalytics.model.schema.EventIdentity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Derives {@link DeploymentHistory} from the earlier deployments of the same service to the same environment,
 * newest first: the previous successful deployment, rollback detection (Datadog's rule) and the lead time of every
 * commit this deployment brought to the environment first.
 */
final class DeploymentDerivation {

    private static final int SCANNED_PER_RELEVANT = 20;

    private DeploymentDerivation() {
    }

    static DeploymentHistory derive(BuildFacts current, Deployment deployment, Stream<BuildFacts> candidates,
                                    DeploymentClassifier classifier, int depth) {
        boolean succeeded = current.outcome() == Outcome.SUCCESS;
        String version = DeploymentClassifier.deployedVersion(deployment, current);

        BuildFacts previous = null;
        String previousVersion = null;
        // Attempts since the previous success that did not succeed: their commits never reached the environment.
        List<BuildFacts> unsuccessfulSincePrevious = new ArrayList<>();
        boolean rollback = false;

        // Depth counts deployments of this target; the scan cap bounds the cost of histories that hand over
        // many unrelated runs.
        int relevant = 0;
        Iterator<BuildFacts> runs = candidates.limit((long) depth * SCANNED_PER_RELEVANT).iterator();
        while (runs.hasNext() && relevant < depth) {
            BuildFacts run = runs.next();
            Deployment other = classifier.classify(run).orElse(null);
            if (other == null || !sameTarget(deployment, other) || sameRun(run, current)) {
                continue;
            }
            relevant++;
            boolean otherSucceeded = run.outcome() == Outcome.SUCCESS;
            if (previous == null) {
                if (otherSucceeded) {
                    previous = run;
                    previousVersion = DeploymentClassifier.deployedVersion(other, run);
                    if (!lookingForRollback(succeeded, version, previousVersion)) {
                        break;
                    }
                } else {
                    unsuccessfulSincePrevious.add(run);
                }
            } else if (otherSucceeded && version.equals(DeploymentClassifier.deployedVersion(other, run))) {
                rollback = true;
                break;
            }
        }

        DeploymentHistory.Previous previousDeployment = previous == null ? null
                : new DeploymentHistory.Previous(EventIdentity.pipelineRunId(previous), previous.revision(),
                        previousVersion, previous.finishedAt());
        DeploymentHistory.Remediation remediation = rollback
                ? new DeploymentHistory.Remediation("rollback", previousDeployment.id(), previous.finishedAt(),
                        nonNegative(Duration.between(previous.finishedAt(), current.finishedAt())))
                : null;
        DeploymentHistory.Changes changes = succeeded && deployment.production() && previous != null && !rollback
                ? changes(current, previous, unsuccessfulSincePrevious) : null;
        return new DeploymentHistory(deployment, previousDeployment, rollback, remediation, changes);
    }

    private static boolean lookingForRollback(boolean succeeded, String version, String previousVersion) {
        return succeeded && version != null && !version.equals(previousVersion);
    }

    private static DeploymentHistory.Changes changes(BuildFacts current, BuildFacts previous,
                                                     List<BuildFacts> unsuccessfulSincePrevious) {
        Set<String> alreadyDeployed = new HashSet<>();
        previous.commits().forEach(commit -> alreadyDeployed.add(commit.id()));
        if (previous.revision() != null) {
            alreadyDeployed.add(previous.revision());
        }
        Map<String, Commit> firstDeployed = new LinkedHashMap<>();
        addNew(current.commits(), alreadyDeployed, firstDeployed);
        for (BuildFacts attempt : unsuccessfulSincePrevious) {
            addNew(attempt.commits(), alreadyDeployed, firstDeployed);
        }
        List<Duration> leadTimes = new ArrayList<>();
        Instant firstCommittedAt = null;
        for (Commit commit : firstDeployed.values()) {
            if (commit.timestamp() == null) {
                continue;
            }
            Duration leadTime = Duration.between(commit.timestamp(), current.finishedAt());
            // A commit "after" its own deployment is clock skew or a rewritten date, not a lead time.
            if (leadTime.isNegative() || leadTime.isZero()) {
                continue;
            }
            leadTimes.add(leadTime);
            if (firstCommittedAt == null || commit.timestamp().isBefore(firstCommittedAt)) {
                firstCommittedAt = commit.timestamp();
            }
        }
        return new DeploymentHistory.Changes(firstDeployed.size(), leadTimes, firstCommittedAt);
    }

    private static void addNew(List<Commit> commits, Set<String> alreadyDeployed, Map<String, Commit> into) {
        for (Commit commit : commits) {
            if (!alreadyDeployed.contains(commit.id())) {
                into.putIfAbsent(commit.id(), commit);
            }
        }
    }

    private static boolean sameTarget(Deployment a, Deployment b) {
        return a.service().equals(b.service()) && a.environment().equals(b.environment());
    }

    private static boolean sameRun(BuildFacts a, BuildFacts b) {
        return a.server().id().equals(b.server().id()) && a.run().id().equals(b.run().id());
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
