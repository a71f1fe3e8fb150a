package io.buildanalytics.model.facts;

/**
 * A user's explicit statement that this run deploys something somewhere. It beats any name pattern.
 *
 * @param source      how it was declared
 * @param rule        which declaration decided, for people reading the event ("jenkins-step",
 *                    "job-property", "teamcity-deployment-type", "parameter:DEPLOY_ENV")
 * @param environment target environment as the user wrote it ("prod", "Production", "staging-eu")
 * @param service     the service deployed; when absent the pipeline's project or id stands in
 * @param version     the version deployed, if declared; otherwise the built revision identifies it
 */
public record DeploymentDeclaration(Source source, String rule, String environment, String service,
                                    String version) {

    /** How a deployment was declared; recorded as {@code dora.deployment.detection}. */
    public enum Source {
        /** A Pipeline step, a job property or the host's own deployment type. */
        EXPLICIT,
        /** A build parameter naming the environment. */
        PARAMETER
    }

    public DeploymentDeclaration {
        Checks.required(source, "DeploymentDeclaration", "source", "how the deployment was declared");
        Checks.required(rule, "DeploymentDeclaration", "rule", "which declaration decided");
        Checks.required(environment, "DeploymentDeclaration", "environment", "the target environment");
        service = Checks.optional(service);
        version = Checks.optional(version);
    }
}
