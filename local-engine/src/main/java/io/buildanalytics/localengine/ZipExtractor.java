package io.buildanalytics.localengine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Enumeration;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks an engine distribution zip, dropping its single top-level directory
 * ({@code opensearch-2.19.4/bin/opensearch} becomes {@code bin/opensearch}).
 *
 * <p>java.util.zip does not expose the Unix modes stored in the zip, so modes are set by rule: everything
 * is world-readable (the node may run as another user) and only the launcher scripts in {@code bin/} are
 * executable. Nothing else in either distribution needs the executable bit: the native libraries under
 * {@code lib/platform} are loaded with dlopen, which only needs read access.
 */
final class ZipExtractor {

    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");

    private ZipExtractor() {
    }

    static void extract(Path zip, Path target) {
        Path root = target.toAbsolutePath().normalize();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            String topLevel = null;
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                int slash = name.indexOf('/');
                String first = slash < 0 ? name : name.substring(0, slash);
                if (topLevel == null) {
                    topLevel = first;
                } else if (!topLevel.equals(first)) {
                    throw new LocalEngineException(zip + " is not an engine distribution: it has more than one top-level"
                            + " entry ('" + topLevel + "' and '" + first + "')");
                }
                String relative = slash < 0 ? "" : name.substring(slash + 1);
                if (relative.isEmpty()) {
                    continue;
                }
                Path destination = root.resolve(relative).normalize();
                if (!destination.startsWith(root)) {
                    throw new LocalEngineException(zip + " contains an entry that escapes its directory: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                    continue;
                }
                Files.createDirectories(destination.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, destination);
                }
                boolean launcher = relative.startsWith("bin/") && relative.indexOf('/', "bin/".length()) < 0;
                Files.setPosixFilePermissions(destination, launcher ? EXECUTABLE : FILE);
            }
            if (topLevel == null) {
                throw new LocalEngineException(zip + " is empty");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack " + zip + " into " + root, e);
        }
        makeDirectoriesTraversable(root);
    }

    /** Directories were created under the process umask; the node user must be able to enter all of them. */
    private static void makeDirectoriesTraversable(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (Files.isDirectory(path)) {
                    Files.setPosixFilePermissions(path, FileTrees.DIRECTORY_PERMISSIONS);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot set permissions under " + root, e);
        }
    }
}
