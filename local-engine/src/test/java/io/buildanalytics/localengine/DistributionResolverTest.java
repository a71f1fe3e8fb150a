package io.buildanalytics.localengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistributionResolverTest {

    @TempDir
    Path directory;

    private final Map<String, String> properties = new HashMap<>();
    private final String version = EngineKind.OPENSEARCH.defaultVersion();

    @BeforeEach
    void isolateFromTheRealMachine() {
        properties.put("user.home", directory.resolve("home").toString());
        properties.put("maven.repo.local", directory.resolve("m2").toString());
        // Nothing listens on port 1: a download attempt fails at once instead of reaching the network.
        properties.put("buildanalytics.maven.repository", "http://127.0.0.1:1/maven2");
    }

    private DistributionResolver resolver() {
        return new DistributionResolver(new RunnerConfiguration(properties::get, name -> null, false));
    }

    @Test
    void anExplicitZipWins() throws Exception {
        Path zip = Files.writeString(directory.resolve("mine.zip"), "zip");
        properties.put(EngineKind.OPENSEARCH.zipProperty(), directory.resolve("other.zip").toString());

        assertThat(resolver().resolve(EngineKind.OPENSEARCH, version, Optional.of(zip))).isEqualTo(zip);
    }

    @Test
    void theBuildsZipComesNext() throws Exception {
        Path zip = Files.writeString(directory.resolve("from-maven.zip"), "zip");
        properties.put(EngineKind.OPENSEARCH.zipProperty(), zip.toString());

        assertThat(resolver().resolve(EngineKind.OPENSEARCH, version, Optional.empty())).isEqualTo(zip);
    }

    @Test
    void aConfiguredZipThatDoesNotExistIsAnError() {
        properties.put(EngineKind.OPENSEARCH.zipProperty(), directory.resolve("gone.zip").toString());

        assertThatThrownBy(() -> resolver().resolve(EngineKind.OPENSEARCH, version, Optional.empty()))
                .isInstanceOf(LocalEngineException.class)
                .hasMessageContaining("gone.zip")
                .hasMessageContaining("buildanalytics.engine.opensearch.zip");
    }

    @Test
    void theBuildsZipIsIgnoredForAnotherVersion() throws Exception {
        Path zip = Files.writeString(directory.resolve("from-maven.zip"), "zip");
        properties.put(EngineKind.OPENSEARCH.zipProperty(), zip.toString());
        Path local = directory.resolve("m2/org/opensearch/distribution/integ-test-zip/opensearch/2.0.0/opensearch-2.0.0.zip");
        Files.createDirectories(local.getParent());
        Files.writeString(local, "zip");

        assertThat(resolver().resolve(EngineKind.OPENSEARCH, "2.0.0", Optional.empty())).isEqualTo(local);
    }

    @Test
    void theLocalRepositoryComesBeforeADownload() throws Exception {
        Path local = directory.resolve("m2").resolve(MavenArtifact.distribution(EngineKind.OPENSEARCH, version).repositoryPath());
        Files.createDirectories(local.getParent());
        Files.writeString(local, "zip");

        assertThat(resolver().resolve(EngineKind.OPENSEARCH, version, Optional.empty())).isEqualTo(local);
    }

    @Test
    void explainsEveryPlaceItLookedWhenNothingWorks() {
        assertThatThrownBy(() -> resolver().resolve(EngineKind.OPENSEARCH, version, Optional.empty()))
                .isInstanceOf(LocalEngineException.class)
                .hasMessageContaining("Cannot find org.opensearch.distribution.integ-test-zip:opensearch:" + version + ":zip")
                .hasMessageContaining("buildanalytics.engine.opensearch.zip")
                .hasMessageContaining(directory.resolve("m2").toString())
                .hasMessageContaining("http://127.0.0.1:1/maven2/");
    }
}
