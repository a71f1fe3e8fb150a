package io.buildanalytics.teamcity.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildanalytics.teamcity.HandMadeTeamCity.TestServer;
import io.buildanalytics.teamcity.runtime.TeamCityRuntime;
import io.buildanalytics.teamcity.runtime.TestRuntimes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings file under TeamCity's config directory. */
class SettingsStoreTest {

    @TempDir
    Path directory;

    @Test
    void theSecretIsScrambledTheFileIsTheOwnersAndEverythingComesBack() throws Exception {
        SettingsStore store = new SettingsStore(directory);
        TeamCitySettings settings = TeamCitySettings.of(Map.of("urls", "https://es:9200", "authType", "token",
                "secret", "tok-123456", "labels", "team=payments\nsite=eu"));

        store.save(settings);
        String file = Files.readString(store.file());

        assertThat(file).doesNotContain("tok-123456").contains("team=payments");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        assertThat(store.load().values()).isEqualTo(settings.values());
        assertThat(settings.toString()).doesNotContain("tok-123456");
        try (var files = Files.list(directory)) {
            assertThat(files).containsExactly(store.file()); // no temporary file left behind
        }
    }

    @Test
    void nothingSavedMeansDefaultsAndUnknownNamesAreIgnored() throws Exception {
        SettingsStore store = new SettingsStore(directory);
        assertThat(store.load().values()).isEqualTo(TeamCitySettings.defaultSettings().values());

        Files.writeString(store.file(), "{\"urls\":\"https://es:9200\",\"somethingOld\":\"x\"}");
        assertThat(store.load().get("urls")).isEqualTo("https://es:9200");
        assertThat(store.load().values()).doesNotContainKey("somethingOld");
    }

    @Test
    void anUnreadableFileStopsRecordingWithAMessageInsteadOfFailingTheServer() throws Exception {
        Files.createDirectories(directory.resolve("config"));
        Files.writeString(directory.resolve("config").resolve(SettingsStore.FILE_NAME), "{ not json");

        TeamCityRuntime runtime = TestRuntimes.started(new TestServer(), directory);

        assertThat(runtime.status().recording()).isFalse();
        assertThat(runtime.statusLines().get(0)).startsWith("Not recording: the settings in")
                .contains(SettingsStore.FILE_NAME);
        runtime.destroy();
    }
}
