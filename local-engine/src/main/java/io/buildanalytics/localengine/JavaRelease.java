package io.buildanalytics.localengine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Names the Java a node runs on, for startup errors: the usual cause of a node that dies at once is a Java
 * it does not support (OpenSearch 2.x, for one, cannot start on Java 24 or later).
 */
final class JavaRelease {

    private JavaRelease() {
    }

    static String describe(Path javaHome) {
        Properties release = new Properties();
        try (InputStream in = Files.newInputStream(javaHome.resolve("release"))) {
            release.load(in);
        } catch (IOException e) {
            return javaHome + " (version unknown: no readable release file)";
        }
        String version = release.getProperty("JAVA_VERSION", "unknown").replace("\"", "");
        return javaHome + " (Java " + version + ")";
    }
}
