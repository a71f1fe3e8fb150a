package io.buildanalytics.localengine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Reads the engine versions that Maven filtered into {@code engine-versions.properties}. */
final class EngineVersions {

    private static final String RESOURCE = "engine-versions.properties";
    private static final Properties VERSIONS = load();

    private EngineVersions() {
    }

    static String defaultVersion(EngineKind kind) {
        String key = kind.id() + ".version";
        String version = VERSIONS.getProperty(key, "").trim();
        // An unfiltered placeholder means the resource was copied without Maven filtering (e.g. by an IDE).
        if (version.isEmpty() || version.contains("${")) {
            throw new IllegalStateException(RESOURCE + " has no usable value for " + key + " (found '" + version
                    + "'); build the module with Maven so resource filtering fills it in");
        }
        return version;
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = EngineVersions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing class-path resource " + RESOURCE + " next to "
                        + EngineVersions.class.getName());
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        return properties;
    }
}
