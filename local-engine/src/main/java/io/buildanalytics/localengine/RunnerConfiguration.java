package io.buildanalytics.localengine;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Every knob of the runner, read from system properties and the environment in one place so that the
 * README and the code cannot drift apart.
 */
final class RunnerConfiguration {

    static final String CACHE_PROPERTY = "buildanalytics.engine.cache";
    static final String CACHE_ENVIRONMENT_VARIABLE = "BUILD_ANALYTICS_ENGINE_CACHE";
    static final String USER_PROPERTY = "buildanalytics.engine.user";
    static final String JAVA_HOME_PROPERTY = "buildanalytics.engine.java.home";
    static final String REPOSITORY_PROPERTY = "buildanalytics.maven.repository";
    static final String LOCAL_REPOSITORY_PROPERTY = "maven.repo.local";

    static final String DEFAULT_USER = "buildanalytics";
    static final String DEFAULT_REPOSITORY = "https://repo.maven.apache.org/maven2";
    /** Root's home is mode 700, so root's cache must live where the unprivileged node user can read it. */
    static final Path ROOT_CACHE = Path.of("/var/tmp/build-analytics/engines");

    private final UnaryOperator<String> systemProperties;
    private final UnaryOperator<String> environment;
    private final boolean runningAsRoot;

    RunnerConfiguration(UnaryOperator<String> systemProperties, UnaryOperator<String> environment,
            boolean runningAsRoot) {
        this.systemProperties = systemProperties;
        this.environment = environment;
        this.runningAsRoot = runningAsRoot;
    }

    static RunnerConfiguration current() {
        return new RunnerConfiguration(System::getProperty, System::getenv, CurrentProcess.isRoot());
    }

    boolean runningAsRoot() {
        return runningAsRoot;
    }

    /**
     * The zip the build resolved for this kind's default version. A value that still reads {@code ${...}}
     * comes from a failsafe configuration whose dependency:properties did not run; it counts as unset.
     */
    Optional<Path> distributionZip(EngineKind kind) {
        return setting(systemProperties.apply(kind.zipProperty()))
                .filter(value -> !value.contains("${"))
                .map(value -> Path.of(value).toAbsolutePath());
    }

    Path localRepository() {
        return setting(systemProperties.apply(LOCAL_REPOSITORY_PROPERTY))
                .map(Path::of)
                .orElseGet(() -> userHome().resolve(".m2").resolve("repository"))
                .toAbsolutePath();
    }

    URI remoteRepository() {
        String url = setting(systemProperties.apply(REPOSITORY_PROPERTY)).orElse(DEFAULT_REPOSITORY);
        // A trailing slash lets URI.resolve append the artifact path instead of replacing the last segment.
        return URI.create(url.endsWith("/") ? url : url + "/");
    }

    Path cacheDirectory() {
        Optional<Path> configured = setting(systemProperties.apply(CACHE_PROPERTY))
                .or(() -> setting(environment.apply(CACHE_ENVIRONMENT_VARIABLE)))
                .map(Path::of);
        if (configured.isPresent()) {
            return configured.get().toAbsolutePath();
        }
        return runningAsRoot ? ROOT_CACHE : userHome().resolve(".cache").resolve("build-analytics").resolve("engines");
    }

    /** Name of the account that runs the node when this JVM is root (the engines refuse to run as root). */
    String nodeUser() {
        return setting(systemProperties.apply(USER_PROPERTY)).orElse(DEFAULT_USER);
    }

    /** The Java the node runs on: by default the one running this JVM. */
    Path nodeJavaHome() {
        return setting(systemProperties.apply(JAVA_HOME_PROPERTY))
                .or(() -> setting(systemProperties.apply("java.home")))
                .map(Path::of)
                .orElseThrow(() -> new LocalEngineException("Neither " + JAVA_HOME_PROPERTY + " nor java.home is set"))
                .toAbsolutePath();
    }

    private Path userHome() {
        return setting(systemProperties.apply("user.home"))
                .map(Path::of)
                .orElseThrow(() -> new LocalEngineException("user.home is not set; set " + CACHE_PROPERTY + " and "
                        + LOCAL_REPOSITORY_PROPERTY + " explicitly"));
    }

    private static Optional<String> setting(String value) {
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
    }
}
