package io.buildanalytics.jenkins.packaging;

import io.buildanalytics.checks.Archives;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What {@code package} built, read as Jenkins would: {@code target/build-analytics.hpi}, the inner jar inside it, and
 * the host mirror the plugin was compiled against (on the test class path with provided scope).
 */
final class PackagedPlugin {

    static final String SHORT_NAME = "build-analytics";
    static final String INNER_JAR_ENTRY = "WEB-INF/lib/" + SHORT_NAME + ".jar";
    /** Every bundled third-party package lives under this prefix. */
    static final String SHADED = "io/buildanalytics/jenkins/shaded/";
    /** The plugin's own classes (not the shared model or the shipper, not the shaded libraries). */
    static final String OWN = "io/buildanalytics/jenkins/";

    /** Packages Jenkins core and the credentials plugins provide, mirrored by io.buildanalytics:host-api-jenkins. */
    static final List<String> HOST_PACKAGES = List.of("hudson/", "jenkins/", "org/kohsuke/", "net/sf/json/",
            "org/jenkinsci/", "com/cloudbees/", "org/springframework/security/");

    static boolean isHost(String internalName) {
        return HOST_PACKAGES.stream().anyMatch(internalName::startsWith);
    }

    private PackagedPlugin() {
    }

    static Path target() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("target");
    }

    static Path hpi() {
        Path hpi = target().resolve(SHORT_NAME + ".hpi");
        if (!Files.isRegularFile(hpi)) {
            throw new IllegalStateException(hpi + " is missing: these tests run after 'package' (mvn verify)");
        }
        return hpi;
    }

    /** Copies the inner jar out of the .hpi, as Jenkins does when it explodes the plugin. */
    static Path extractInnerJar(Path directory) throws IOException {
        return Archives.extract(hpi(), INNER_JAR_ENTRY, directory.resolve(SHORT_NAME + ".jar"));
    }

    static Manifest manifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry("META-INF/MANIFEST.MF");
        if (entry == null) {
            throw new IllegalStateException(zip.getName() + " has no META-INF/MANIFEST.MF");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return new Manifest(in);
        }
    }

    static byte[] read(ZipFile zip, String name) {
        return Archives.read(zip, name);
    }

    /** Class entries by name, each with its bytes; versioned entries (multi-release) are keyed by their full path. */
    static Map<String, byte[]> classEntries(ZipFile zip) {
        return Archives.classEntries(zip);
    }

    /** The Java release a multi-release entry is for, or 0 for a base entry. */
    static int releaseOf(String entryName) {
        return Archives.releaseOf(entryName);
    }

    /** The entry's name as a class path resource: without its META-INF/versions/n/ prefix. */
    static String unversioned(String entryName) {
        return Archives.unversioned(entryName);
    }

    /** Jar or classes directory of the host mirror (io.buildanalytics:host-api-jenkins, provided scope). */
    static Path mirrorLocation() {
        return Archives.locationOf(hudson.Extension.class);
    }

    /** Internal names (hudson/model/Run) of every class in the host mirror, with their bytes. */
    static Map<String, byte[]> mirrorClasses() throws IOException {
        return Archives.classesAt(mirrorLocation());
    }

    static Set<String> entryNames(ZipFile zip) {
        return Archives.entryNames(zip);
    }
}
