package io.buildanalytics.model.derive;

/**
 * Everything derived from history for one run.
 *
 * @param streak     what the pipeline's recent runs say
 * @param deployment the deployment classification and what the service's deployments say; null when the run is
 *                   not a deployment
 */
public record Derived(RunStreak streak, DeploymentHistory deployment) {
}
