package io.buildanalytics.localengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipExtractorTest {

    @TempDir
    Path directory;

    @Test
    void dropsTheTopLevelDirectoryAndMakesOnlyLaunchersExecutable() throws Exception {
        Path zip = TestZips.miniOpenSearch(directory.resolve("opensearch.zip"), "2.19.4");
        Path home = directory.resolve("home");
        Files.createDirectory(home);

        ZipExtractor.extract(zip, home);

        assertThat(home.resolve("bin/opensearch")).hasContent("#!/bin/sh\necho started");
        assertThat(mode(home.resolve("bin/opensearch"))).isEqualTo("rwxr-xr-x");
        assertThat(mode(home.resolve("bin/opensearch-env"))).isEqualTo("rwxr-xr-x");
        assertThat(mode(home.resolve("config/jvm.options"))).isEqualTo("rw-r--r--");
        assertThat(mode(home.resolve("lib/opensearch-2.19.4.jar"))).isEqualTo("rw-r--r--");
        assertThat(mode(home.resolve("lib"))).isEqualTo("rwxr-xr-x");
        assertThat(home.resolve("opensearch-2.19.4")).doesNotExist();
    }

    @Test
    void refusesEntriesThatEscapeTheTarget() throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("opensearch-2.19.4/bin/opensearch", "x");
        entries.put("opensearch-2.19.4/../../evil.sh", "x");
        Path zip = TestZips.write(directory.resolve("evil.zip"), entries);
        Path home = Files.createDirectory(directory.resolve("home"));

        assertThatThrownBy(() -> ZipExtractor.extract(zip, home))
                .isInstanceOf(LocalEngineException.class)
                .hasMessageContaining("escapes its directory");
        assertThat(directory.getParent().resolve("evil.sh")).doesNotExist();
    }

    @Test
    void refusesZipsWithSeveralTopLevelEntries() throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("opensearch-2.19.4/bin/opensearch", "x");
        entries.put("README.txt", "x");
        Path zip = TestZips.write(directory.resolve("two.zip"), entries);
        Path home = Files.createDirectory(directory.resolve("home"));

        assertThatThrownBy(() -> ZipExtractor.extract(zip, home))
                .hasMessageContaining("more than one top-level entry");
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
