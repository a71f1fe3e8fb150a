package io.buildanalytics.model.derive;

import io.buildanalytics.model.facts.DeploymentDeclaration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Build parameters through which users declare a deployment on either host, e.g. {@code DEPLOY_ENVIRONMENT=prod}
 * with an optional {@code DEPLOY_SERVICE} and {@code DEPLOY_VERSION}. Adapters pass a lookup into all of the
 * run's parameters (whether or not the admin allows sending them).
 *
 * @param environmentParameter name of the parameter holding the environment; a run without it is not declared
 * @param serviceParameter     name of the parameter holding the service, or null
 * @param versionParameter     name of the parameter holding the version, or null
 */
public record DeploymentParameters(String environmentParameter, String serviceParameter, String versionParameter) {

    public static final DeploymentParameters DEFAULTS =
            new DeploymentParameters("DEPLOY_ENVIRONMENT", "DEPLOY_SERVICE", "DEPLOY_VERSION");

    public DeploymentParameters {
        if (environmentParameter == null || environmentParameter.isBlank()) {
            throw new IllegalArgumentException("The deployment environment parameter name must not be empty");
        }
    }

    /** @param parameterValue the run's value of a parameter, or null when the run has no such parameter */
    public Optional<DeploymentDeclaration> declaration(UnaryOperator<String> parameterValue) {
        String environment = parameterValue.apply(environmentParameter);
        if (environment == null || environment.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new DeploymentDeclaration(DeploymentDeclaration.Source.PARAMETER,
                "parameter:" + environmentParameter, environment, valueOf(serviceParameter, parameterValue),
                valueOf(versionParameter, parameterValue)));
    }

    private static String valueOf(String name, UnaryOperator<String> parameterValue) {
        return name == null || name.isBlank() ? null : parameterValue.apply(name);
    }
}
