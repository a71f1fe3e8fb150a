package io.buildanalytics.model.derive;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the service's deployment history says about a deployment run.
 *
 * @param deployment  the classification of this run
 * @param previous    the previous successful deployment of the same service to the same environment, or null
 * @param rollback    a successful deployment of a version that differs from the previous one and was deployed
 *                    before it
 * @param remediation set when this deployment remedies an earlier one (a rollback remedies the previous one)
 * @param changes     commits this deployment brought to the environment first; null unless this is a successful,
 *                    non-rollback production deployment with a predecessor
 */
public record DeploymentHistory(Deployment deployment, Previous previous, boolean rollback, Remediation remediation,
                                Changes changes) {

    /** The previous successful deployment. {@code id} is its deployment id (its event id). */
    public record Previous(String id, String revision, String version, Instant finishedAt) {
    }

    /** The deployment this one remedies: a CI-derived change failure. */
    public record Remediation(String type, String failedDeploymentId, Instant failedDeploymentFinishedAt,
                              Duration recoveryTime) {
    }

    /**
     * @param count            commits first deployed here
     * @param leadTimes        one per commit with a known time, deployment end − commit time, only positive values
     * @param firstCommittedAt the oldest of those commit times, or null
     */
    public record Changes(int count, List<Duration> leadTimes, Instant firstCommittedAt) {
        public Changes {
            leadTimes = List.copyOf(leadTimes);
        }
    }
}
