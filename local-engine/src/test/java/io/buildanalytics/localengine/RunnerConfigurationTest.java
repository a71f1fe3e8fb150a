package io.buildanalytics.localengine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunnerConfigurationTest {

    private final Map<String, String> properties = new HashMap<>(Map.of("user.home", "/home/dev", "java.home", "/opt/jdk"));
    private final Map<String, String> environment = new HashMap<>();

    private RunnerConfiguration configuration(boolean root) {
        return new RunnerConfiguration(properties::get, environment::get, root);
    }

    @Test
    void cacheDefaultsToTheUsersCacheDirectory() {
        assertThat(configuration(false).cacheDirectory()).isEqualTo(Path.of("/home/dev/.cache/build-analytics/engines"));
    }

    @Test
    void rootCachesOutsideItsPrivateHome() {
        properties.put("user.home", "/root");

        assertThat(configuration(true).cacheDirectory()).isEqualTo(Path.of("/var/tmp/build-analytics/engines"));
    }

    @Test
    void environmentVariableOverridesTheDefaultCache() {
        environment.put("BUILD_ANALYTICS_ENGINE_CACHE", "/srv/engines");

        assertThat(configuration(true).cacheDirectory()).isEqualTo(Path.of("/srv/engines"));
    }

    @Test
    void systemPropertyOverridesTheEnvironmentVariable() {
        environment.put("BUILD_ANALYTICS_ENGINE_CACHE", "/srv/engines");
        properties.put("buildanalytics.engine.cache", "/data/engines");

        assertThat(configuration(false).cacheDirectory()).isEqualTo(Path.of("/data/engines"));
    }

    @Test
    void blankSettingsCountAsUnset() {
        properties.put("buildanalytics.engine.cache", "  ");
        properties.put("buildanalytics.engine.opensearch.zip", "");

        assertThat(configuration(false).cacheDirectory()).isEqualTo(Path.of("/home/dev/.cache/build-analytics/engines"));
        assertThat(configuration(false).distributionZip(EngineKind.OPENSEARCH)).isEmpty();
    }

    @Test
    void zipPropertyIsTakenAsGiven() {
        properties.put("buildanalytics.engine.opensearch.zip", "/m2/opensearch-2.19.4.zip");

        assertThat(configuration(false).distributionZip(EngineKind.OPENSEARCH)).contains(Path.of("/m2/opensearch-2.19.4.zip"));
        assertThat(configuration(false).distributionZip(EngineKind.ELASTICSEARCH)).isEmpty();
    }

    @Test
    void unresolvedMavenExpressionCountsAsUnset() {
        properties.put("buildanalytics.engine.elasticsearch.zip",
                "${org.elasticsearch.distribution.integ-test-zip:elasticsearch:zip}");

        assertThat(configuration(false).distributionZip(EngineKind.ELASTICSEARCH)).isEmpty();
    }

    @Test
    void localRepositoryFollowsMavenRepoLocal() {
        assertThat(configuration(false).localRepository()).isEqualTo(Path.of("/home/dev/.m2/repository"));

        properties.put("maven.repo.local", "/ci/m2");
        assertThat(configuration(false).localRepository()).isEqualTo(Path.of("/ci/m2"));
    }

    @Test
    void remoteRepositoryDefaultsToMavenCentralAndResolvesArtifactPaths() {
        assertThat(configuration(false).remoteRepository()).isEqualTo(URI.create("https://repo.maven.apache.org/maven2/"));

        properties.put("buildanalytics.maven.repository", "http://mirror.example/maven");
        URI mirror = configuration(false).remoteRepository();
        assertThat(mirror.resolve("org/x/y/1/y-1.zip")).isEqualTo(URI.create("http://mirror.example/maven/org/x/y/1/y-1.zip"));
    }

    @Test
    void nodeUserAndJavaHomeHaveDefaultsAndOverrides() {
        assertThat(configuration(true).nodeUser()).isEqualTo("buildanalytics");
        assertThat(configuration(true).nodeJavaHome()).isEqualTo(Path.of("/opt/jdk"));

        properties.put("buildanalytics.engine.user", "search");
        properties.put("buildanalytics.engine.java.home", "/opt/jdk21");
        assertThat(configuration(true).nodeUser()).isEqualTo("search");
        assertThat(configuration(true).nodeJavaHome()).isEqualTo(Path.of("/opt/jdk21"));
    }
}
