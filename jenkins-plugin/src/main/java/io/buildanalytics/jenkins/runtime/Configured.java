package io.buildanalytics.jenkins.runtime;

import io.buildanalytics.jenkins.facts.ReaderSettings;
import io.buildanalytics.jenkins.facts.RunReader;
import io.buildanalytics.shipper.settings.Backend;
import io.buildanalytics.shipper.settings.ConnectionFactory;
import io.buildanalytics.shipper.settings.FieldRules;
import io.buildanalytics.jenkins.settings.FormValues;
import io.buildanalytics.shipper.settings.ParameterFilter;
import io.buildanalytics.model.derive.DeploymentRules;
import io.buildanalytics.model.event.Sender;
import io.buildanalytics.model.facts.CiProvider;
import io.buildanalytics.model.facts.CiServer;
import io.buildanalytics.shipper.ShipperSettings;
import io.buildanalytics.shipper.connection.EngineConnection;
import java.net.URI;

/**
 * The page's values read into what the plugin runs with: the shipper's settings and the run reader. Building one
 * validates every field, so a {@code Configured} only exists for settings that work.
 */
record Configured(ShipperSettings shipperSettings, RunReader reader) {

    static final String SENDER_TYPE = "jenkins-plugin";

    /** @throws IllegalArgumentException naming the field's problem, for the page */
    static Configured from(FormValues values, Host host) {
        Backend.fromId(values.backend());
        EngineConnection connection = ConnectionFactory.connection(values.connection(), host.credential(values.credentialsId()),
                host.proxy());
        DeploymentRules rules = DeploymentRules.of(FieldRules.deploymentPatterns(values.deploymentPatterns()))
                .withProductionEnvironments(FieldRules.productionEnvironments(values.productionEnvironments()));
        ShipperSettings shipper = ShipperSettings.defaults(connection, sender(), host.dataDirectory())
                .withNaming(FieldRules.indexPrefix(values.indexPrefix()))
                .withRules(rules)
                .withDiskBudget(FieldRules.diskBudgetBytes(values.diskBudgetMb()));
        String rootUrl = host.rootUrl();
        CiServer server = new CiServer(CiProvider.JENKINS, "Jenkins", host.version(), host.instanceId(),
                serverName(values.serverName(), rootUrl), rootUrl);
        ReaderSettings reader = new ReaderSettings(server, rootUrl, ParameterFilter.parse(values.allowedParameters()),
                FieldRules.deploymentParameters(values.deploymentEnvironmentParameter(),
                        values.deploymentServiceParameter(), values.deploymentVersionParameter()),
                FieldRules.labels(values.labels()), values.sendUserNames());
        return new Configured(shipper, new RunReader(reader));
    }

    static Sender sender() {
        String version = Configured.class.getPackage().getImplementationVersion();
        return new Sender(SENDER_TYPE, version);
    }

    /** The name dashboards show for this Jenkins: the admin's choice, else the root URL's host. */
    static String serverName(String configured, String rootUrl) {
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        if (rootUrl != null) {
            try {
                String host = URI.create(rootUrl).getHost();
                if (host != null) {
                    return host;
                }
            } catch (IllegalArgumentException e) {
                // fall through to the generic name
            }
        }
        return "jenkins";
    }
}
