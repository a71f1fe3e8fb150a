package io.buildanalytics.localengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistributionCacheTest {

    @TempDir
    Path directory;

    @Test
    void unpacksOnceIntoADirectoryNamedAfterKindAndVersion() throws Exception {
        Path zip = TestZips.miniOpenSearch(directory.resolve("opensearch.zip"), "2.19.4");
        DistributionCache cache = new DistributionCache(directory.resolve("cache"));

        Path home = cache.install(EngineKind.OPENSEARCH, "2.19.4", zip);
        Files.writeString(home.resolve("marker"), "proves the second install reuses the first");
        Path again = cache.install(EngineKind.OPENSEARCH, "2.19.4", zip);

        assertThat(home).isEqualTo(directory.resolve("cache/opensearch-2.19.4"));
        assertThat(again).isEqualTo(home);
        assertThat(home.resolve("marker")).exists();
        assertThat(home.resolve("bin/opensearch")).isExecutable();
    }

    @Test
    void concurrentInstallsUnpackOnceAndLeaveNoStagingDirectories() throws Exception {
        Path zip = TestZips.miniOpenSearch(directory.resolve("opensearch.zip"), "2.19.4");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Path>> installs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                // Separate cache objects, as separate callers would have.
                installs.add(() -> new DistributionCache(directory.resolve("cache")).install(EngineKind.OPENSEARCH,
                        "2.19.4", zip));
            }
            List<Path> homes = new ArrayList<>();
            for (Future<Path> result : pool.invokeAll(installs)) {
                homes.add(result.get());
            }
            assertThat(homes).containsOnly(directory.resolve("cache/opensearch-2.19.4"));
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> entries = Files.list(directory.resolve("cache"))) {
            assertThat(entries.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("opensearch-2.19.4", "opensearch-2.19.4.lock");
        }
    }

    @Test
    void replacesLeftoversOfAnInterruptedUnpack() throws Exception {
        Path zip = TestZips.miniOpenSearch(directory.resolve("opensearch.zip"), "2.19.4");
        Path cacheRoot = Files.createDirectories(directory.resolve("cache"));
        Files.createDirectories(cacheRoot.resolve(".unpack-opensearch-2.19.4-12345/bin"));

        new DistributionCache(cacheRoot).install(EngineKind.OPENSEARCH, "2.19.4", zip);

        assertThat(cacheRoot.resolve(".unpack-opensearch-2.19.4-12345")).doesNotExist();
    }

    @Test
    void rejectsAZipWithoutTheLauncher() throws Exception {
        Path zip = TestZips.write(directory.resolve("other.zip"), Map.of("something-1.0/README", "hello"));
        DistributionCache cache = new DistributionCache(directory.resolve("cache"));

        assertThatThrownBy(() -> cache.install(EngineKind.OPENSEARCH, "2.19.4", zip))
                .isInstanceOf(LocalEngineException.class)
                .hasMessageContaining("does not contain bin/opensearch");
        assertThat(directory.resolve("cache/opensearch-2.19.4")).doesNotExist();
    }
}
