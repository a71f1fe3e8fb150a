package io.buildanalytics.localengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandsTest {

    @Test
    void returnsExitCodeAndMergedOutput() {
        Commands.Result result = Commands.run(List.of("sh", "-c", "echo out; echo err >&2; exit 4"), Duration.ofSeconds(10));

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.output()).contains("out").contains("err");
    }

    @Test
    void aHangingCommandFailsAtTheTimeout() {
        long started = System.nanoTime();

        assertThatThrownBy(() -> Commands.run(List.of("sleep", "30"), Duration.ofMillis(300)))
                .isInstanceOf(LocalEngineException.class)
                .hasMessageContaining("Timed out");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void findsSystemToolsAndNamesThePackageOfMissingOnes() {
        assertThat(Commands.find("setsid")).hasValueSatisfying(path -> assertThat(path).isAbsolute().isExecutable());
        assertThatThrownBy(() -> Commands.require("no-such-tool-for-local-engine", "the imaginary package"))
                .hasMessageContaining("'no-such-tool-for-local-engine' is not installed (it comes with the imaginary package)");
    }
}
