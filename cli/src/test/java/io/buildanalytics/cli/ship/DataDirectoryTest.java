package io.buildanalytics.cli.ship;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDirectoryTest {

    @Test
    void theFlagWins() {
        assertThat(DataDirectory.resolve(Path.of("/ci/cache/ba"), Map.of("BUILD_ANALYTICS_HOME", "/opt/ba"), "/home/ci"))
                .isEqualTo(Path.of("/ci/cache/ba"));
    }

    @Test
    void thenBuildAnalyticsHome() {
        assertThat(DataDirectory.resolve(null, Map.of("BUILD_ANALYTICS_HOME", "/opt/ba",
                "XDG_STATE_HOME", "/state"), "/home/ci")).isEqualTo(Path.of("/opt/ba/ship"));
    }

    @Test
    void thenTheXdgStateDirectory() {
        assertThat(DataDirectory.resolve(null, Map.of("XDG_STATE_HOME", "/state"), "/home/ci"))
                .isEqualTo(Path.of("/state/build-analytics/ship"));
    }

    @Test
    void aRelativeXdgStateDirectoryIsIgnoredAsTheSpecificationSays() {
        assertThat(DataDirectory.resolve(null, Map.of("XDG_STATE_HOME", "state"), "/home/ci"))
                .isEqualTo(Path.of("/home/ci/.local/state/build-analytics/ship"));
    }

    @Test
    void elseTheHomeDirectory() {
        assertThat(DataDirectory.resolve(null, Map.of(), "/home/ci"))
                .isEqualTo(Path.of("/home/ci/.local/state/build-analytics/ship"));
    }
}
