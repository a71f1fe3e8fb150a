package io.buildanalytics.localengine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The build must hand the Maven-resolved zips to the tests (dependency:properties feeding failsafe's system
 * properties); without it the runner silently falls back to guessing the local repository's location.
 */
class BuildWiringIT {

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void failsafePassesTheResolvedZipOfTheDefaultVersion(EngineKind kind) {
        String zip = System.getProperty(kind.zipProperty());

        assertThat(zip).as(kind.zipProperty()).isNotBlank().doesNotContain("${");
        assertThat(Path.of(zip)).isRegularFile();
        assertThat(Path.of(zip).getFileName()).hasToString(kind.artifactId() + "-" + kind.defaultVersion() + ".zip");
    }
}
