package io.buildanalytics.checks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Reading a packaged plugin (.hpi, .zip, jars) and the host mirror's classes, without loading any class. */
public final class Archives {

    private static final Pattern VERSIONED = Pattern.compile("META-INF/versions/(\\d+)/(.*)");

    private Archives() {
    }

    public static byte[] read(ZipFile zip, String name) {
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

    public static Set<String> entryNames(ZipFile zip) {
        Set<String> names = new TreeSet<>();
        Collections.list(zip.entries()).forEach(entry -> names.add(entry.getName()));
        return names;
    }

    /** Copies one entry of an archive to {@code target}, as the CI server does when it unpacks the plugin. */
    public static Path extract(Path archive, String entryName, Path target) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            ZipEntry entry = zip.getEntry(entryName);
            if (entry == null) {
                throw new IllegalStateException(entryName + " is not in " + archive);
            }
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }

    /** Class entries by entry name, with their bytes; multi-release entries keep their META-INF/versions/n/ path. */
    public static Map<String, byte[]> classEntries(ZipFile zip) {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (ZipEntry entry : Collections.list(zip.entries())) {
            if (!entry.isDirectory() && entry.getName().endsWith(".class")) {
                classes.put(entry.getName(), read(zip, entry.getName()));
            }
        }
        return classes;
    }

    /** The Java release a multi-release entry is for, or 0 for a base entry. */
    public static int releaseOf(String entryName) {
        Matcher m = VERSIONED.matcher(entryName);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** The entry's name as a class path resource: without its META-INF/versions/n/ prefix. */
    public static String unversioned(String entryName) {
        Matcher m = VERSIONED.matcher(entryName);
        return m.matches() ? m.group(2) : entryName;
    }

    /** The jar or classes directory a class was loaded from (the mirror's, on the test class path). */
    public static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Internal names of the base classes in a jar or classes directory, with their bytes. */
    public static Map<String, byte[]> classesAt(Path location) throws IOException {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    String name = location.relativize(file).toString().replace('\\', '/');
                    if (name.endsWith(".class") && !name.endsWith("module-info.class")) {
                        classes.put(name.substring(0, name.length() - ".class".length()), Files.readAllBytes(file));
                    }
                }
            }
        } else {
            try (ZipFile jar = new ZipFile(location.toFile())) {
                classEntries(jar).forEach((name, bytes) -> {
                    if (releaseOf(name) == 0 && !name.startsWith("META-INF/") && !name.endsWith("module-info.class")) {
                        classes.put(name.substring(0, name.length() - ".class".length()), bytes);
                    }
                });
            }
        }
        if (classes.isEmpty()) {
            throw new IllegalStateException("No classes found at " + location);
        }
        return classes;
    }
}
