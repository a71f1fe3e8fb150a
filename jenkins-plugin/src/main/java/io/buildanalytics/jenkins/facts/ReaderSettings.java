package io.buildanalytics.jenkins.facts;

import io.buildanalytics.shipper.settings.ParameterFilter;
import io.buildanalytics.model.derive.DeploymentParameters;
import io.buildanalytics.model.facts.CiServer;
import java.util.Map;

/**
 * What the reader needs beyond the run: who this Jenkins is, and the admin's choices about what may leave it.
 *
 * @param server                which Jenkins this is (instance id, name, root URL, version)
 * @param rootUrl               Jenkins' root URL ending in '/', or null when not configured (URLs are then left out)
 * @param parameters            parameters allowed into events (sensitive ones never are)
 * @param deploymentParameters  parameters that declare a deployment, or null when that is turned off
 * @param labels                added to every event
 * @param sendUserNames         whether user ids and cause descriptions naming people may be sent
 */
public record ReaderSettings(CiServer server, String rootUrl, ParameterFilter parameters,
                             DeploymentParameters deploymentParameters, Map<String, String> labels,
                             boolean sendUserNames) {

    public ReaderSettings {
        labels = Map.copyOf(labels);
    }
}
