package io.buildanalytics.teamcity.facts;

import io.buildanalytics.model.derive.DeploymentParameters;
import io.buildanalytics.model.derive.DeploymentRules;
import io.buildanalytics.model.facts.CiServer;
import io.buildanalytics.shipper.settings.ParameterFilter;
import java.util.Map;

/**
 * What the reader needs beyond the build: which TeamCity this is, and the admin's choices about what may leave it.
 *
 * @param server               which TeamCity this is (id, name, root URL, version)
 * @param rootUrl              the server URL ending in '/', or null when unknown (links are then left out)
 * @param parameters           parameters allowed into events (secure and password ones never are)
 * @param deploymentParameters parameters that declare a deployment, or null when that is turned off
 * @param rules                the admin's name patterns, which also name the environment of a configuration of
 *                             TeamCity's Deployment type
 * @param labels               added to every event
 * @param sendUserNames        whether user names and trigger texts naming people may be sent
 */
public record ReaderSettings(CiServer server, String rootUrl, ParameterFilter parameters,
                             DeploymentParameters deploymentParameters, DeploymentRules rules,
                             Map<String, String> labels, boolean sendUserNames) {

    public ReaderSettings {
        labels = Map.copyOf(labels);
    }
}
