package io.buildanalytics.teamcity.runtime;

import io.buildanalytics.model.derive.DeploymentRules;
import io.buildanalytics.model.event.Sender;
import io.buildanalytics.model.facts.CiProvider;
import io.buildanalytics.model.facts.CiServer;
import io.buildanalytics.shipper.ShipperSettings;
import io.buildanalytics.shipper.connection.EngineConnection;
import io.buildanalytics.shipper.settings.ConnectionFactory;
import io.buildanalytics.shipper.settings.FieldRules;
import io.buildanalytics.shipper.settings.PageSettings;
import io.buildanalytics.shipper.settings.ParameterFilter;
import io.buildanalytics.teamcity.facts.BuildReader;
import io.buildanalytics.teamcity.facts.ReaderSettings;
import io.buildanalytics.teamcity.settings.TeamCitySettings;

/**
 * The page's values read into what the plugin runs with: the shipper's settings and the build reader. Building one
 * validates every field, so a {@code Configured} only exists for settings that work.
 */
record Configured(ShipperSettings shipperSettings, BuildReader reader) {

    static final String SENDER_TYPE = "teamcity-plugin";

    /** @throws IllegalArgumentException naming the field's problem, for the page */
    static Configured from(TeamCitySettings settings, ServerFacts server) {
        settings.validate();
        EngineConnection connection = ConnectionFactory.connection(settings.connection(), settings.credential(),
                server.proxy());
        DeploymentRules rules = PageSettings.deploymentRules(settings.get("deploymentPatterns"),
                settings.get("productionEnvironments"));
        ShipperSettings shipper = PageSettings.shipperSettings(connection, sender(), server.dataDirectory(),
                settings.get("indexPrefix"), rules, settings.diskBudgetMb());
        CiServer ciServer = new CiServer(CiProvider.TEAMCITY, "TeamCity", server.version(), server.serverId(),
                PageSettings.serverName(settings.get("serverName"), server.rootUrl(), "teamcity"), server.rootUrl());
        ReaderSettings reader = new ReaderSettings(ciServer, server.rootUrl(),
                ParameterFilter.parse(settings.get("allowedParameters")),
                FieldRules.deploymentParameters(settings.get("deploymentEnvironmentParameter"),
                        settings.get("deploymentServiceParameter"), settings.get("deploymentVersionParameter")),
                rules, FieldRules.labels(settings.get("labels")), settings.flag("sendUserNames"));
        return new Configured(shipper, new BuildReader(reader));
    }

    static Sender sender() {
        return new Sender(SENDER_TYPE, Configured.class.getPackage().getImplementationVersion());
    }
}
