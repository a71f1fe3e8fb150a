package io.buildanalytics.jenkins.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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

    private static final Pattern VERSIONED = Pattern.compile("META-INF/versions/(\\d+)/(.*)");

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
        Path jar = directory.resolve(SHORT_NAME + ".jar");
        try (ZipFile hpi = new ZipFile(hpi().toFile())) {
            ZipEntry entry = hpi.getEntry(INNER_JAR_ENTRY);
            if (entry == null) {
                throw new IllegalStateException(INNER_JAR_ENTRY + " is not in " + hpi());
            }
            try (InputStream in = hpi.getInputStream(entry)) {
                Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return jar;
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
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new IllegalStateException(name + " is not in " + zip.getName());
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Class entries by name, each with its bytes; versioned entries (multi-release) are keyed by their full path. */
    static Map<String, byte[]> classEntries(ZipFile zip) {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (ZipEntry entry : Collections.list(zip.entries())) {
            if (!entry.isDirectory() && entry.getName().endsWith(".class")) {
                classes.put(entry.getName(), read(zip, entry.getName()));
            }
        }
        return classes;
    }

    /** The Java release a multi-release entry is for, or 0 for a base entry. */
    static int releaseOf(String entryName) {
        Matcher m = VERSIONED.matcher(entryName);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** The entry's name as a class path resource: without its META-INF/versions/n/ prefix. */
    static String unversioned(String entryName) {
        Matcher m = VERSIONED.matcher(entryName);
        return m.matches() ? m.group(2) : entryName;
    }

    /** Jar or classes directory of the host mirror (io.buildanalytics:host-api-jenkins, provided scope). */
    static Path mirrorLocation() {
        try {
            return Path.of(hudson.Extension.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Internal names (hudson/model/Run) of every class in the host mirror, with their bytes. */
    static Map<String, byte[]> mirrorClasses() throws IOException {
        Path location = mirrorLocation();
        Map<String, byte[]> classes = new LinkedHashMap<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    String name = location.relativize(file).toString().replace('\\', '/');
                    if (name.endsWith(".class") && !name.endsWith("module-info.class")) {
                        classes.put(name.substring(0, name.length() - 6), Files.readAllBytes(file));
                    }
                }
            }
        } else {
            try (ZipFile jar = new ZipFile(location.toFile())) {
                classEntries(jar).forEach((name, bytes) -> {
                    if (!name.startsWith("META-INF/") && !name.endsWith("module-info.class")) {
                        classes.put(name.substring(0, name.length() - 6), bytes);
                    }
                });
            }
        }
        if (classes.isEmpty()) {
            throw new IllegalStateException("No classes found in the host mirror at " + location);
        }
        return classes;
    }

    static Set<String> entryNames(ZipFile zip) {
        Set<String> names = new TreeSet<>();
        Collections.list(zip.entries()).forEach(entry -> names.add(entry.getName()));
        return names;
    }
}
