package io.buildanalytics.localengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EngineOptionsTest {

    @Test
    void defaultsSuitTestsAndTheDemo() {
        EngineOptions defaults = EngineOptions.defaults();

        assertThat(defaults.heap()).isEqualTo("512m");
        assertThat(defaults.startupTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(defaults.version()).isEmpty();
        assertThat(defaults.distribution()).isEmpty();
    }

    @Test
    void withersChangeOneThingAndLeaveTheOriginalAlone() {
        EngineOptions changed = EngineOptions.defaults().withHeap("1g").withVersion("2.19.3")
                .withDistribution(Path.of("/tmp/os.zip")).withStartupTimeout(Duration.ofSeconds(30));

        assertThat(changed.heap()).isEqualTo("1g");
        assertThat(changed.version()).contains("2.19.3");
        assertThat(changed.distribution()).contains(Path.of("/tmp/os.zip"));
        assertThat(changed.startupTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(EngineOptions.defaults().heap()).isEqualTo("512m");
    }

    @Test
    void rejectsHeapSizesTheJvmWouldNotAccept() {
        assertThatThrownBy(() -> EngineOptions.defaults().withHeap("512")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EngineOptions.defaults().withHeap("-Xmx1g")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EngineOptions.defaults().withStartupTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
