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
    private static final EngineOptions DEFAULTS = new EngineOptions(null, null, DEFAULT_HEAP, DEFAULT_STARTUP_TIMEOUT);

    private final String version;
    private final Path distribution;
    private final String heap;
    private final Duration startupTimeout;

    private EngineOptions(String version, Path distribution, String heap, Duration startupTimeout) {
        this.version = version;
        this.distribution = distribution;
        this.heap = heap;
        this.startupTimeout = startupTimeout;
    }

    public static EngineOptions defaults() {
        return DEFAULTS;
    }

    /** Another version than the kind's default; its zip is then looked up in Maven, not taken from the build. */
    public EngineOptions withVersion(String version) {
        return new EngineOptions(Objects.requireNonNull(version, "version"), distribution, heap, startupTimeout);
    }

    /** Use this distribution zip instead of looking one up. */
    public EngineOptions withDistribution(Path zip) {
        return new EngineOptions(version, Objects.requireNonNull(zip, "zip").toAbsolutePath(), heap, startupTimeout);
    }

    /** Heap size in JVM syntax, used for both -Xms and -Xmx, e.g. {@code 512m} or {@code 1g}. */
    public EngineOptions withHeap(String heap) {
        if (heap == null || !HEAP_SIZE.matcher(heap).matches()) {
            throw new IllegalArgumentException("Heap size must look like 512m or 1g, not '" + heap + "'");
        }
        return new EngineOptions(version, distribution, heap, startupTimeout);
    }

    public EngineOptions withStartupTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Startup timeout must be positive, not " + timeout);
        }
        return new EngineOptions(version, distribution, heap, timeout);
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

    @Override
    public String toString() {
        return "EngineOptions[version=" + (version == null ? "default" : version) + ", distribution="
                + (distribution == null ? "lookup" : distribution) + ", heap=" + heap + ", startupTimeout="
                + startupTimeout + "]";
    }
}
