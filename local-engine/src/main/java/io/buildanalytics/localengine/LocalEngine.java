package io.buildanalytics.localengine;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A single-node Elasticsearch or OpenSearch on a free loopback port, started from the engine's
 * {@code integ-test-zip} distribution and stopped by {@link #close()}.
 *
 * <pre>{@code
 * try (LocalEngine engine = LocalEngine.start(EngineKind.OPENSEARCH)) {
 *     engine.http().put("/builds", "{}").requireSuccess();
 * }
 * }</pre>
 *
 * <p>The node also stops when the JVM exits normally (shutdown hook) and when the JVM is killed outright
 * (a watchdog process stops it once this JVM is gone). Tests should share one node per kind through
 * {@link LocalEngineExtension} rather than start their own: a start costs 10 to 20 seconds. The exceptions are
 * Elasticsearch nodes with security on ({@link EngineOptions#withSecurity()}), which are never shared.
 */
public final class LocalEngine implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LocalEngine.class.getName());
    /** How long a node gets to shut down cleanly before it is killed, by close() and by the watchdog alike. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 40;

    private final EngineKind kind;
    private final String version;
    private final int port;
    private final URI baseUri;
    private final EngineHttp http;
    private final Optional<EngineCredentials> superuser;
    private final RunningNode node;

    private LocalEngine(EngineKind kind, String version, int port, EngineHttp http,
            Optional<EngineCredentials> superuser, RunningNode node) {
        this.kind = kind;
        this.version = version;
        this.port = port;
        this.baseUri = http.baseUri();
        this.http = http;
        this.superuser = superuser;
        this.node = node;
    }

    /** Starts a node of the kind's default version with default options. */
    public static LocalEngine start(EngineKind kind) {
        return start(kind, EngineOptions.defaults());
    }

    /**
     * Starts a node and returns once it reports yellow or green health.
     *
     * @throws LocalEngineException     if the distribution cannot be found or the node does not come up within
     *                                  the startup timeout; the message includes the end of the node's log
     * @throws IllegalArgumentException if the options ask for something this kind cannot do (security on OpenSearch)
     */
    public static LocalEngine start(EngineKind kind, EngineOptions options) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(options, "options");
        requireSupported(kind, options);
        long started = System.nanoTime();
        RunnerConfiguration configuration = RunnerConfiguration.current();
        String version = options.version().orElseGet(kind::defaultVersion);
        NodeAccount account = NodeAccount.forThisJvm(configuration);
        DistributionCache cache = new DistributionCache(configuration.cacheDirectory());
        Path home = installDistribution(kind, version, options, configuration, account, cache);
        Path javaHome = configuration.nodeJavaHome();
        account.requireJavaReachable(javaHome);

        // Generated per start, so no two nodes share a password even when started from the same options.
        Optional<EngineCredentials> superuser = options.fileRealm()
                .map(realm -> EngineCredentials.withGeneratedPassword(FileRealm.SUPERUSER));
        RunningNode node = launch(kind, version, home, cache, account, javaHome, options, superuser);
        try {
            int port = NodeReadiness.await(node.process(), node.instance(), options.startupTimeout(), superuser);
            EngineHttp anonymous = new EngineHttp(URI.create("http://127.0.0.1:" + port));
            EngineHttp http =
                    superuser.map(user -> anonymous.withAuthorization(user.basicAuthorization())).orElse(anonymous);
            LocalEngine engine = new LocalEngine(kind, runningVersion(http), port, http, superuser, node);
            LOG.log(Level.INFO, "Started {0} {1}{2} on {3} (pid {4}, as {5}) in {6} s", kind.id(), engine.version,
                    superuser.isPresent() ? " with security" : "", engine.baseUri, Long.toString(engine.pid()),
                    account.userName(), seconds(started));
            return engine;
        } catch (RuntimeException e) {
            // Read the log before release() deletes it.
            String tail = LogTail.of(node.instance().consoleLog(), LOG_TAIL_LINES);
            node.release();
            throw new LocalEngineException(kind.id() + " " + version + " did not start: " + e.getMessage()
                    + "\n  distribution: " + home
                    + "\n  Java: " + JavaRelease.describe(javaHome) + " (override with -D"
                    + RunnerConfiguration.JAVA_HOME_PROPERTY + ")"
                    + "\n  last " + LOG_TAIL_LINES + " lines of the node's output:\n" + tail, e);
        }
    }

    /** Fails before anything is downloaded or started. */
    private static void requireSupported(EngineKind kind, EngineOptions options) {
        if (options.securityEnabled() && kind != EngineKind.ELASTICSEARCH) {
            throw new IllegalArgumentException("Security is only available for " + EngineKind.ELASTICSEARCH.id()
                    + ": the " + kind.id() + " integ-test-zip has no security plugin. Start " + kind.id()
                    + " without withSecurity(), withUser() and withRole().");
        }
    }

    /** Finds the zip and makes sure it is unpacked where the node's account can read it. */
    private static Path installDistribution(EngineKind kind, String version, EngineOptions options,
            RunnerConfiguration configuration, NodeAccount account, DistributionCache cache) {
        Path zip = new DistributionResolver(configuration).resolve(kind, version, options.distribution());
        // Checked before unpacking ~100 MB into a place the node could not use anyway.
        account.requireCacheReachable(cache.root());
        return cache.install(kind, version, zip);
    }

    /** Creates the node's directory and starts its process; from here on the node is released exactly once. */
    private static RunningNode launch(EngineKind kind, String version, Path home, DistributionCache cache,
            NodeAccount account, Path javaHome, EngineOptions options, Optional<EngineCredentials> superuser) {
        Path instances = cache.instancesDirectory();
        account.requireCacheReachable(instances);
        InstanceDirectory.sweepStale(instances);
        InstanceDirectory instance = InstanceDirectory.create(instances, kind, home, account);
        NodeProcess process = null;
        try {
            NodeCommand command = NodeCommand.of(kind, home, instance, account, javaHome, options);
            if (superuser.isPresent()) {
                FileRealmInstaller.install(options.fileRealm().orElseThrow(), superuser.get(), home, instance, account,
                        command.environment());
            }
            process = NodeProcess.start(command, instance, account, STOP_GRACE);
            return new RunningNode(process, instance, STOP_GRACE, kind.id() + " " + version + " (pid " + process.pid() + ")");
        } catch (RuntimeException e) {
            // E.g. no shutdown hook can be added because the JVM is already exiting.
            if (process != null) {
                process.stop(STOP_GRACE);
            }
            instance.delete();
            throw e;
        }
    }

    public EngineKind kind() {
        return kind;
    }

    /** The version the running node reports about itself, e.g. {@code 2.19.4}. */
    public String version() {
        return version;
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI baseUri() {
        return baseUri;
    }

    /** Process id of the node (for Elasticsearch, of its launcher process; the server is a child of it). */
    public long pid() {
        return node.process().pid();
    }

    /** Everything the node printed; deleted with the node's directory on {@link #close()}. */
    public Path logFile() {
        return node.instance().consoleLog();
    }

    /** Requests to this node; on a secured node they authenticate as {@link #superuser()}. */
    public EngineHttp http() {
        return http;
    }

    /**
     * The superuser of a node started with {@link EngineOptions#withSecurity()} (user {@code admin}, role
     * {@code superuser}, a password generated for this node); empty when security is off.
     */
    public Optional<EngineCredentials> superuser() {
        return superuser;
    }

    /** Stops the node (TERM, then KILL after 30 s) and deletes its directory. Safe to call more than once. */
    @Override
    public void close() {
        long stopping = System.nanoTime();
        switch (node.release()) {
            case STOPPED -> LOG.log(Level.INFO, "Stopped {0} {1} on port {2} in {3} s", kind.id(), version,
                    Integer.toString(port), seconds(stopping));
            case KILLED -> LOG.log(Level.WARNING, "Killed {0} {1} on port {2}: it did not stop within {3} s", kind.id(),
                    version, Integer.toString(port), STOP_GRACE.toSeconds());
            case ALREADY_RELEASED -> {
                // Closed before: nothing to do, nothing to report.
            }
        }
    }

    @Override
    public String toString() {
        return "LocalEngine[" + kind.id() + " " + version + " at " + baseUri
                + (superuser.isPresent() ? ", secured" : "") + "]";
    }

    /** Asked from the node rather than assumed, so a wrong zip shows up as a wrong version. */
    private static String runningVersion(EngineHttp http) {
        EngineHttp.Response nodes = http.get("/_nodes/_local").requireSuccess();
        Iterator<com.fasterxml.jackson.databind.JsonNode> all = nodes.json().path("nodes").elements();
        String version = all.hasNext() ? all.next().path("version").asText("") : "";
        if (version.isEmpty()) {
            throw new LocalEngineException("No node version in " + nodes);
        }
        return version;
    }

    private static String seconds(long startNanos) {
        return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - startNanos) / 1e9);
    }
}
