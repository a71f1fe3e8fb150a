package io.buildanalytics.localengine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One full life of a node per kind, on its own node rather than the shared one, because it ends with
 * close() and checks that nothing is left.
 */
class LocalEngineLifecycleIT {

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void startsServesAndStopsWithoutLeavingAnythingBehind(EngineKind kind) throws Exception {
        LocalEngine engine = LocalEngine.start(kind);
        List<ProcessHandle> processes;
        Path instance = engine.logFile().getParent().getParent();
        try {
            assertThat(engine.kind()).isEqualTo(kind);
            assertThat(engine.baseUri()).isEqualTo(URI.create("http://127.0.0.1:" + engine.port()));
            assertThat(engine.version()).isEqualTo(kind.defaultVersion());

            JsonNode health = engine.http().get("/_cluster/health").requireSuccess().json();
            assertThat(health.path("status").asText()).isIn("green", "yellow");
            assertThat(health.path("number_of_nodes").asInt()).isEqualTo(1);

            String index = "lifecycle-" + kind.id();
            engine.http().put("/" + index + "/_doc/1?refresh=true", "{\"job\":\"build-42\",\"result\":\"SUCCESS\"}")
                    .requireSuccess();
            JsonNode hits = engine.http().post("/" + index + "/_search", "{\"query\":{\"match\":{\"job\":\"build-42\"}}}")
                    .requireSuccess().json().path("hits");
            assertThat(hits.path("total").path("value").asInt()).isEqualTo(1);
            assertThat(hits.path("hits").get(0).path("_source").path("result").asText()).isEqualTo("SUCCESS");

            assertThat(Files.readString(engine.logFile())).contains("started");
            ProcessHandle node = ProcessHandle.of(engine.pid()).orElseThrow();
            assertThat(node.parent().map(ProcessHandle::pid)).contains(ProcessHandle.current().pid());
            if (CurrentProcess.isRoot()) {
                assertThat(node.info().user()).contains(RunnerConfiguration.DEFAULT_USER);
            }
            processes = Stream.concat(Stream.of(node), node.descendants()).toList();
            assertThat(processes.stream().filter(this::isJava)).hasSize(kind == EngineKind.ELASTICSEARCH ? 2 : 1);
        } finally {
            engine.close();
        }

        assertThat(Ports.answers(engine.port())).as("port %d answers after close()", engine.port()).isFalse();
        assertThat(processes.stream().filter(ProcessLiveness::isRunning).map(ProcessHandle::pid))
                .as("processes of the node alive after close()").isEmpty();
        assertThat(instance).doesNotExist();
        engine.close();
    }

    private boolean isJava(ProcessHandle process) {
        return process.info().command().orElse("").toLowerCase(Locale.ROOT).endsWith("/java");
    }
}
