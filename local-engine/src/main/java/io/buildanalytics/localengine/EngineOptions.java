package io.buildanalytics.localengine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** How to start a node. Immutable; start from {@link #defaults()} and change what you need. */
public final class EngineOptions {

    /** Enough for tests and the demo, and keeps two nodes plus the build well inside a CI machine. */
    public static final String DEFAULT_HEAP = "512m";
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(120);

    private static final Pattern HEAP_SIZE = Pattern.compile("[1-9][0-9]*[kKmMgG]");
    private static final EngineOptions DEFAULTS = new EngineOptions(null, null, DEFAULT_HEAP, DEFAULT_STARTUP_TIMEOUT, null);

    private final String version;
    private final Path distribution;
    private final String heap;
    private final Duration startupTimeout;
    /** Null while security is off. */
    private final FileRealm fileRealm;

    private EngineOptions(String version, Path distribution, String heap, Duration startupTimeout, FileRealm fileRealm) {
        this.version = version;
        this.distribution = distribution;
        this.heap = heap;
        this.startupTimeout = startupTimeout;
        this.fileRealm = fileRealm;
    }

    public static EngineOptions defaults() {
        return DEFAULTS;
    }

    /** Another version than the kind's default; its zip is then looked up in Maven, not taken from the build. */
    public EngineOptions withVersion(String version) {
        return new EngineOptions(Objects.requireNonNull(version, "version"), distribution, heap, startupTimeout,
                fileRealm);
    }

    /** Use this distribution zip instead of looking one up. */
    public EngineOptions withDistribution(Path zip) {
        return new EngineOptions(version, Objects.requireNonNull(zip, "zip").toAbsolutePath(), heap, startupTimeout,
                fileRealm);
    }

    /** Heap size in JVM syntax, used for both -Xms and -Xmx, e.g. {@code 512m} or {@code 1g}. */
    public EngineOptions withHeap(String heap) {
        if (heap == null || !HEAP_SIZE.matcher(heap).matches()) {
            throw new IllegalArgumentException("Heap size must look like 512m or 1g, not '" + heap + "'");
        }
        return new EngineOptions(version, distribution, heap, startupTimeout, fileRealm);
    }

    public EngineOptions withStartupTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Startup timeout must be positive, not " + timeout);
        }
        return new EngineOptions(version, distribution, heap, timeout, fileRealm);
    }

    /**
     * Starts Elasticsearch with security on: every request needs credentials (HTTP Basic, or a bearer token
     * from {@code POST /_security/oauth2/token}), still over plain HTTP. The node gets a superuser with a password
     * generated per node; {@link LocalEngine#superuser()} has them and {@link LocalEngine#http()} uses them.
     * Such a node is never shared: start it with {@link LocalEngine#start(EngineKind, EngineOptions)} and close it.
     *
     * <p>Only for {@link EngineKind#ELASTICSEARCH}: OpenSearch's integ-test-zip has no security plugin, so
     * starting it with these options throws {@link IllegalArgumentException}.
     */
    public EngineOptions withSecurity() {
        return fileRealm != null ? this : withFileRealm(FileRealm.EMPTY);
    }

    /**
     * Adds a user to the node's file realm, or replaces the one of that name; implies {@link #withSecurity()}.
     *
     * @param roles built-in roles such as {@code viewer} or {@code editor}, or roles defined with {@link #withRole}
     */
    public EngineOptions withUser(String name, String password, String... roles) {
        return withFileRealm(withSecurity().fileRealm.withUser(name, password, roles));
    }

    /**
     * Defines a role in the node's file realm, or replaces the one of that name; implies {@link #withSecurity()}.
     *
     * @param definition the role as JSON, as for {@code PUT /_security/role/<name>}, e.g.
     *                   <code>{"indices":[{"names":["cicd-events-*"],"privileges":["read"]}]}</code>
     * @throws IllegalArgumentException if the definition is not a JSON object (Elasticsearch checks the rest: a
     *                                  user with an invalid role gets 400 answers naming the problem)
     */
    public EngineOptions withRole(String name, String definition) {
        return withFileRealm(withSecurity().fileRealm.withRole(name, definition));
    }

    private EngineOptions withFileRealm(FileRealm realm) {
        return new EngineOptions(version, distribution, heap, startupTimeout, realm);
    }

    public Optional<String> version() {
        return Optional.ofNullable(version);
    }

    public Optional<Path> distribution() {
        return Optional.ofNullable(distribution);
    }

    public String heap() {
        return heap;
    }

    public Duration startupTimeout() {
        return startupTimeout;
    }

    public boolean securityEnabled() {
        return fileRealm != null;
    }

    /** The users and roles to start a secured node with; empty when security is off. */
    Optional<FileRealm> fileRealm() {
        return Optional.ofNullable(fileRealm);
    }

    @Override
    public String toString() {
        return "EngineOptions[version=" + (version == null ? "default" : version) + ", distribution="
                + (distribution == null ? "lookup" : distribution) + ", heap=" + heap + ", startupTimeout="
                + startupTimeout + ", security=" + describeSecurity() + "]";
    }

    /** Names only: passwords stay out of logs. */
    private String describeSecurity() {
        return fileRealm == null ? "off"
                : "on (users " + fileRealm.users().keySet() + ", roles " + fileRealm.roles().keySet() + ")";
    }
}
