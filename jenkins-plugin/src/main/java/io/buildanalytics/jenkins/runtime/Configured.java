package io.buildanalytics.jenkins.runtime;

import io.buildanalytics.jenkins.facts.ReaderSettings;
import io.buildanalytics.jenkins.facts.RunReader;
import io.buildanalytics.shipper.settings.Backend;
import io.buildanalytics.shipper.settings.ConnectionFactory;
import io.buildanalytics.shipper.settings.FieldRules;
import io.buildanalytics.shipper.settings.PageSettings;
import io.buildanalytics.jenkins.settings.FormValues;
import io.buildanalytics.shipper.settings.ParameterFilter;
import io.buildanalytics.model.derive.DeploymentRules;
import io.buildanalytics.model.event.Sender;
import io.buildanalytics.model.facts.CiProvider;
import io.buildanalytics.model.facts.CiServer;
import io.buildanalytics.shipper.ShipperSettings;
import io.buildanalytics.shipper.connection.EngineConnection;

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
        DeploymentRules rules = PageSettings.deploymentRules(values.deploymentPatterns(),
                values.productionEnvironments());
        ShipperSettings shipper = PageSettings.shipperSettings(connection, sender(), host.dataDirectory(),
                values.indexPrefix(), rules, values.diskBudgetMb());
        String rootUrl = host.rootUrl();
        CiServer server = new CiServer(CiProvider.JENKINS, "Jenkins", host.version(), host.instanceId(),
                PageSettings.serverName(values.serverName(), rootUrl, "jenkins"), rootUrl);
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
}
