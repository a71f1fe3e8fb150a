package io.buildanalytics.teamcity.facts;

import io.buildanalytics.model.derive.DeploymentParameters;
import io.buildanalytics.model.derive.DeploymentRules;
import io.buildanalytics.model.derive.NamePatternRule;
import io.buildanalytics.model.facts.CiProvider;
import io.buildanalytics.model.facts.CiServer;
import io.buildanalytics.shipper.settings.ParameterFilter;
import java.util.List;
import java.util.Map;

/** Readers with the settings a typical admin saves. */
public final class TestReaders {

    public static final CiServer SERVER = new CiServer(CiProvider.TEAMCITY, "TeamCity", "2024.03.3",
            "5d1c3e8a-0000-4000-8000-000000000001", "tc-eu", "https://teamcity.example.com/");

    private TestReaders() {
    }

    public static BuildReader standard() {
        return with(ParameterFilter.parse("TARGET, env.*, *password*"), false);
    }

    public static BuildReader with(ParameterFilter parameters, boolean sendUserNames) {
        return new BuildReader(new ReaderSettings(SERVER, SERVER.url(), parameters, DeploymentParameters.DEFAULTS,
                DeploymentRules.of(List.of(NamePatternRule.of("(?i)deploy.*prod", "production", null))),
                Map.of("team", "payments"), sendUserNames));
    }
}
