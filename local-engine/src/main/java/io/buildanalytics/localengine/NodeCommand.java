package io.buildanalytics.localengine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The command line and environment that start one throwaway single node of an engine. */
record NodeCommand(List<String> arguments, Map<String, String> environment) {

    /** Inherited variables that would change how the node's JVM starts; the node gets only what we choose. */
    private static final List<String> FOREIGN_JAVA_VARIABLES =
            List.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "CLI_JAVA_OPTS", "JAVA_OPTS");

    static NodeCommand of(EngineKind kind, Path home, InstanceDirectory instance, NodeAccount account, Path javaHome,
            EngineOptions options) {
        List<String> arguments = new ArrayList<>();
        arguments.add(home.resolve(kind.startScript()).toString());
        settings(kind, instance, options.securityEnabled()).forEach((key, value) -> {
            arguments.add("-E");
            arguments.add(key + "=" + value);
        });

        String prefix = switch (kind) {
            case ELASTICSEARCH -> "ES_";
            case OPENSEARCH -> "OPENSEARCH_";
        };
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.keySet().removeIf(name -> name.startsWith(prefix) || FOREIGN_JAVA_VARIABLES.contains(name));
        environment.put(prefix + "JAVA_HOME", javaHome.toString());
        environment.put(prefix + "JAVA_OPTS", "-Xms" + options.heap() + " -Xmx" + options.heap());
        environment.put(prefix + "PATH_CONF", instance.config().toString());
        environment.put(prefix + "TMPDIR", instance.tmp().toString());
        if (account.dropsPrivileges()) {
            // The inherited HOME is root's, which the node account cannot read.
            environment.put("HOME", instance.root().toString());
            environment.put("USER", account.userName());
            environment.put("LOGNAME", account.userName());
        }
        return new NodeCommand(List.copyOf(arguments), Map.copyOf(environment));
    }

    /**
     * Only settings both minimal integ-test-zip builds know: an unknown setting (any xpack.ml.* or
     * ingest.geoip.*) makes a node refuse to start.
     */
    static Map<String, String> settings(EngineKind kind, InstanceDirectory instance, boolean secured) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("discovery.type", "single-node");
        settings.put("network.host", "127.0.0.1");
        // Port 0 lets the kernel pick free ports at bind time: no race with other processes, no retries.
        // node.portsfile then reports the HTTP port in logs/http.ports.
        settings.put("http.port", "0");
        settings.put("transport.port", "0");
        settings.put("node.portsfile", "true");
        settings.put("path.data", instance.data().toString());
        settings.put("path.logs", instance.logs().toString());
        // A nearly full disk on a developer machine must not turn the test indices read-only.
        settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
        if (kind == EngineKind.ELASTICSEARCH) {
            if (secured) {
                settings.putAll(securitySettings());
            } else {
                // Plain HTTP without credentials, like the OpenSearch build (which has no security plugin).
                settings.put("xpack.security.enabled", "false");
            }
        }
        return settings;
    }

    /**
     * Security on, TLS off. Setting xpack.security.enabled at all also keeps Elasticsearch from generating
     * certificates and an elastic password on first start (security auto-configuration).
     */
    private static Map<String, String> securitySettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("xpack.security.enabled", "true");
        // Clients keep using http://127.0.0.1: no certificates to generate and hand to every test.
        settings.put("xpack.security.http.ssl.enabled", "false");
        // A single node on loopback never talks transport to another node; without TLS the bootstrap check
        // only warns, because single-node discovery does not enforce bootstrap checks.
        settings.put("xpack.security.transport.ssl.enabled", "false");
        // Bearer tokens (POST /_security/oauth2/token) are not in the basic license, and the token service is
        // off without HTTP TLS unless asked for. The self-generated trial license lasts 30 days: ample for a
        // throwaway node.
        settings.put("xpack.license.self_generated.type", "trial");
        settings.put("xpack.security.authc.token.enabled", "true");
        return settings;
    }
}
