package io.buildanalytics.model.derive;

import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.facts.DeploymentDeclaration;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a run is a deployment, in this order: the user's explicit declaration (step, job property,
 * TeamCity deployment type, then a build parameter), then the admin's name patterns. Personal builds never are;
 * pull-request builds only when explicitly declared, so a preview build matching "deploy" is not counted.
 */
public final class DeploymentClassifier {

    private final DeploymentRules rules;

    public DeploymentClassifier(DeploymentRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public Optional<Deployment> classify(BuildFacts run) {
        if (run.personal()) {
            return Optional.empty();
        }
        DeploymentDeclaration declared = run.deployment();
        if (declared != null) {
            Deployment.Detection detection = declared.source() == DeploymentDeclaration.Source.EXPLICIT
                    ? Deployment.Detection.EXPLICIT : Deployment.Detection.PARAMETER;
            return Optional.of(deployment(run, declared.environment(), declared.service(), declared.version(),
                    detection, declared.rule()));
        }
        if (run.pullRequest()) {
            return Optional.empty();
        }
        for (NamePatternRule rule : rules.patterns()) {
            Optional<NamePatternRule.Match> match = rule.match(run.pipeline());
            if (match.isPresent()) {
                return Optional.of(deployment(run, match.get().environment(), match.get().service(), null,
                        Deployment.Detection.PIPELINE_PATTERN, rule.describe()));
            }
        }
        return Optional.empty();
    }

    private Deployment deployment(BuildFacts run, String environment, String service, String version,
                                  Deployment.Detection detection, String rule) {
        String normalized = EnvironmentNames.normalize(environment);
        String serviceName = service != null ? service
                : run.pipeline().project() != null ? run.pipeline().project() : run.pipeline().id();
        return new Deployment(serviceName, normalized, rules.isProduction(normalized), version, detection, rule);
    }

    /** What a deployment put in place: the declared version, else the revision built; null when neither is known. */
    public static String deployedVersion(Deployment deployment, BuildFacts run) {
        return deployment.version() != null ? deployment.version() : run.revision();
    }
}
