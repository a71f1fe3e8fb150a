package io.buildanalytics.jenkins.facts;

import io.buildanalytics.model.derive.DeploymentParameters;
import io.buildanalytics.model.facts.CiProvider;
import io.buildanalytics.model.facts.CiServer;
import io.buildanalytics.shipper.settings.ParameterFilter;
import java.util.Map;

/** Run readers with the settings most tests need. */
public final class TestReaders {

    public static final String ROOT_URL = "https://ci.example.com/";
    public static final CiServer SERVER = new CiServer(CiProvider.JENKINS, "Jenkins", "2.479.3", "a1b2c3",
            "ci.example.com", ROOT_URL);

    private TestReaders() {
    }

    public static RunReader standard() {
        return with(ParameterFilter.none(), false);
    }

    public static RunReader with(ParameterFilter parameters, boolean sendUserNames) {
        return new RunReader(new ReaderSettings(SERVER, ROOT_URL, parameters, DeploymentParameters.DEFAULTS,
                Map.of("team", "payments"), sendUserNames));
    }
}
