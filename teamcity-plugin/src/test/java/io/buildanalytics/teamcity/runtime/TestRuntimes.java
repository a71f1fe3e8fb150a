package io.buildanalytics.teamcity.runtime;

import io.buildanalytics.teamcity.HandMadeTeamCity.TestServer;
import io.buildanalytics.teamcity.settings.TeamCitySettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runtimes on hand-made servers, as tests in other packages need them. */
public final class TestRuntimes {

    private TestRuntimes() {
    }

    /** A runtime whose settings and data live under {@code directory}; started (saved settings applied). */
    public static TeamCityRuntime started(TestServer server, Path directory) {
        TeamCityRuntime runtime = new TeamCityRuntime(server, directory.resolve("config"), directory.resolve("data"),
                Clock.systemUTC());
        runtime.start();
        return runtime;
    }

    /** Settings recording to {@code url} with the given overrides. */
    public static TeamCitySettings settings(String backend, String url, String... overrides) {
        Map<String, String> values = new LinkedHashMap<>(TeamCitySettings.defaultSettings().values());
        values.put("backend", backend);
        values.put("urls", url);
        values.put("diskBudgetMb", "64");
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            values.put(overrides[i], overrides[i + 1]);
        }
        return TeamCitySettings.of(values);
    }

    public static boolean readerStopped(TeamCityRuntime runtime) {
        return runtime.readerStopped();
    }
}
