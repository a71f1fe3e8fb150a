package io.buildanalytics.jenkins.settings;

import io.buildanalytics.shipper.settings.ConnectionFields;

/**
 * Everything the admin typed on the configuration page, as typed. {@link FieldRules} turns each value into what
 * the shipper and the reader need, or into a sentence saying what is wrong with it.
 */
public record FormValues(boolean enabled, String backend, String urls, String credentialsId, String tokenType,
                         String awsRegion, String indexPrefix, String tlsCaPem, boolean skipTlsVerification,
                         boolean useJenkinsProxy, String deploymentPatterns, String productionEnvironments,
                         String deploymentEnvironmentParameter, String deploymentServiceParameter,
                         String deploymentVersionParameter, String allowedParameters, String labels,
                         int diskBudgetMb, boolean sendUserNames, String serverName) {

    /** The connection fields, as the shared connection rules read them. */
    public ConnectionFields connection() {
        return new ConnectionFields(backend, urls, tokenType, awsRegion, tlsCaPem, skipTlsVerification,
                useJenkinsProxy);
    }
}
