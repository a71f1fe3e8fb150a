package io.buildanalytics.localengine;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/** Waits for a starting node: first for its HTTP port (from the ports file), then for yellow or green health. */
final class NodeReadiness {

    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration HEALTH_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final String HEALTH = "/_cluster/health?wait_for_status=yellow&timeout=1s";

    private NodeReadiness() {
    }

    /**
     * Returns the HTTP port once the node answers healthy.
     *
     * @param credentials to ask a secured node with; empty for a node without security
     * @throws LocalEngineException if the node exits or is not healthy within {@code timeout}
     */
    static int await(NodeProcess node, InstanceDirectory instance, Duration timeout,
            Optional<EngineCredentials> credentials) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int port = -1;
        EngineHttp http = null;
        String lastHealth = "no answer yet";
        while (true) {
            OptionalInt exitCode = node.exitCode();
            if (exitCode.isPresent()) {
                throw new LocalEngineException("The node exited with code " + exitCode.getAsInt() + " before it was ready");
            }
            if (port < 0) {
                OptionalInt bound = PortsFile.read(instance.httpPortsFile());
                if (bound.isPresent()) {
                    port = bound.getAsInt();
                    http = authenticated(new EngineHttp(URI.create("http://127.0.0.1:" + port), HEALTH_REQUEST_TIMEOUT),
                            credentials);
                }
            }
            if (http != null) {
                try {
                    EngineHttp.Response health = http.get(HEALTH);
                    String status = health.json().path("status").asText("");
                    if (health.status() == 200 && (status.equals("green") || status.equals("yellow"))) {
                        return port;
                    }
                    lastHealth = health.toString();
                } catch (LocalEngineException e) {
                    lastHealth = e.getMessage();
                }
            }
            if (System.nanoTime() - deadline > 0) {
                throw new LocalEngineException("The node was not healthy within " + timeout.toSeconds() + " s ("
                        + (port < 0 ? "it never reported an HTTP port in " + instance.httpPortsFile()
                                : "last health check: " + lastHealth)
                        + ")");
            }
            sleep();
        }
    }

    private static EngineHttp authenticated(EngineHttp http, Optional<EngineCredentials> credentials) {
        return credentials.map(user -> http.withAuthorization(user.basicAuthorization())).orElse(http);
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalEngineException("Interrupted while waiting for the node to start", e);
        }
    }
}
