package io.buildanalytics.localengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failure paths of a start, provoked with stand-in launchers: a real engine cannot be made to crash or
 * hang on demand. Each stand-in gets a version of its own, so the real distributions in the cache are never
 * touched, and its cache entry is removed afterwards.
 */
class StartupFailureIT {

    @TempDir
    Path directory;

    private final String version = "0.0.0-failure-test-" + UUID.randomUUID();

    @AfterEach
    void removeTheStandInFromTheCache() throws Exception {
        Path cache = RunnerConfiguration.current().cacheDirectory();
        FileTrees.deleteRecursively(cache.resolve("opensearch-" + version));
        Files.deleteIfExists(cache.resolve("opensearch-" + version + ".lock"));
    }

    @Test
    void aNodeThatExitsFailsTheStartWithTheEndOfItsOutput() throws Exception {
        Path zip = standIn("echo 'fake node: cannot bind, giving up' >&2\nexit 3\n");

        Set<Path> before = instances();

        LocalEngineException failure = catchThrowableOfType(LocalEngineException.class,
                () -> LocalEngine.start(EngineKind.OPENSEARCH, EngineOptions.defaults().withVersion(version).withDistribution(zip)));

        assertThat(failure.getMessage())
                .contains("opensearch " + version + " did not start")
                .contains("exited with code 3")
                .contains("fake node: cannot bind, giving up")
                .contains("Java: " + System.getProperty("java.home"));
        assertThat(instances()).isSubsetOf(before);
    }

    @Test
    void aNodeThatNeverBecomesReadyIsKilledAtTheTimeout() throws Exception {
        Path zip = standIn("echo \"fake node: pid=$$, waiting forever\"\nexec sleep 600\n");
        Set<Path> before = instances();

        LocalEngineException failure = catchThrowableOfType(LocalEngineException.class, () -> LocalEngine.start(
                EngineKind.OPENSEARCH,
                EngineOptions.defaults().withVersion(version).withDistribution(zip).withStartupTimeout(Duration.ofSeconds(3))));

        assertThat(failure.getMessage())
                .contains("was not healthy within 3 s")
                .contains("never reported an HTTP port");
        Matcher pid = Pattern.compile("fake node: pid=(\\d+), waiting forever").matcher(failure.getMessage());
        assertThat(pid.find()).as("the stand-in's output in the message").isTrue();
        assertThat(ProcessHandle.of(Long.parseLong(pid.group(1))).filter(ProcessLiveness::isRunning))
                .as("stand-in node %s after the failed start", pid.group(1)).isEmpty();
        assertThat(instances()).isSubsetOf(before);
    }

    /** A zip shaped like the OpenSearch distribution whose launcher runs {@code script}. */
    private Path standIn(String script) throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("opensearch-" + version + "/bin/opensearch", "#!/bin/sh\n" + script);
        entries.put("opensearch-" + version + "/config/jvm.options", "-Xms1g\n");
        return TestZips.write(directory.resolve("stand-in.zip"), entries);
    }

    private static Set<Path> instances() throws Exception {
        Path instances = RunnerConfiguration.current().cacheDirectory().resolve("instances");
        if (!Files.isDirectory(instances)) {
            return Set.of();
        }
        try (Stream<Path> all = Files.list(instances)) {
            return all.collect(Collectors.toSet());
        }
    }
}
