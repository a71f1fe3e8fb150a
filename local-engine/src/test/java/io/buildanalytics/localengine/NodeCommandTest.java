package io.buildanalytics.localengine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeCommandTest {

    @TempDir
    Path directory;

    private Path home;
    private InstanceDirectory instance;

    @BeforeEach
    void prepare() throws Exception {
        home = Files.createDirectories(directory.resolve("home"));
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/jvm.options"), "-Xlog:gc*:file=gc.log\n");
        instance = InstanceDirectory.create(Files.createDirectories(directory.resolve("instances")),
                EngineKind.ELASTICSEARCH, home, NodeAccount.currentUser());
    }

    @AfterEach
    void cleanUp() {
        instance.delete();
    }

    @Test
    void elasticsearchGetsItsOwnVariablesAndSecurityOff() {
        NodeCommand command = NodeCommand.of(EngineKind.ELASTICSEARCH, home, instance, NodeAccount.currentUser(),
                Path.of("/opt/jdk"), EngineOptions.defaults());

        assertThat(command.arguments().get(0)).isEqualTo(home.resolve("bin/elasticsearch").toString());
        assertThat(pairs(command.arguments())).contains("xpack.security.enabled=false", "discovery.type=single-node",
                "network.host=127.0.0.1", "http.port=0", "node.portsfile=true",
                "path.data=" + instance.data(), "path.logs=" + instance.logs(),
                "cluster.routing.allocation.disk.threshold_enabled=false");
        assertThat(command.environment())
                .containsEntry("ES_JAVA_HOME", "/opt/jdk")
                .containsEntry("ES_JAVA_OPTS", "-Xms512m -Xmx512m")
                .containsEntry("ES_PATH_CONF", instance.config().toString())
                .containsEntry("ES_TMPDIR", instance.tmp().toString())
                .doesNotContainKeys("JAVA_TOOL_OPTIONS", "OPENSEARCH_JAVA_HOME");
    }

    @Test
    void openSearchGetsNoSecuritySettings() {
        NodeCommand command = NodeCommand.of(EngineKind.OPENSEARCH, home, instance, NodeAccount.currentUser(),
                Path.of("/opt/jdk"), EngineOptions.defaults().withHeap("1g"));

        assertThat(command.arguments().get(0)).isEqualTo(home.resolve("bin/opensearch").toString());
        assertThat(pairs(command.arguments())).noneMatch(setting -> setting.startsWith("xpack.")
                || setting.startsWith("plugins.security"));
        assertThat(command.environment())
                .containsEntry("OPENSEARCH_JAVA_OPTS", "-Xms1g -Xmx1g")
                .containsEntry("OPENSEARCH_PATH_CONF", instance.config().toString())
                .doesNotContainKey("ES_JAVA_HOME");
    }

    @Test
    void securedElasticsearchGetsSecurityWithoutTlsAndTheTokenService() {
        NodeCommand command = NodeCommand.of(EngineKind.ELASTICSEARCH, home, instance, NodeAccount.currentUser(),
                Path.of("/opt/jdk"), EngineOptions.defaults().withSecurity());

        assertThat(pairs(command.arguments()))
                .contains("xpack.security.enabled=true", "xpack.security.http.ssl.enabled=false",
                        "xpack.security.transport.ssl.enabled=false", "xpack.license.self_generated.type=trial",
                        "xpack.security.authc.token.enabled=true", "discovery.type=single-node", "http.port=0")
                .doesNotContain("xpack.security.enabled=false");
    }

    /** Every value that follows an -E. */
    private static List<String> pairs(List<String> arguments) {
        List<String> settings = new java.util.ArrayList<>();
        for (int i = 1; i + 1 < arguments.size(); i += 2) {
            assertThat(arguments.get(i)).isEqualTo("-E");
            settings.add(arguments.get(i + 1));
        }
        return settings;
    }
}
