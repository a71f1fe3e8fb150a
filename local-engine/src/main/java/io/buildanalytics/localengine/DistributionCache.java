package io.buildanalytics.localengine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Unpacked engine distributions, one directory per kind and version, shared by every JVM on the machine.
 *
 * <p>Unpacking happens at most once: under a file lock (other JVMs) and a monitor (other threads of this
 * JVM, since a JVM cannot lock the same file twice), into a staging directory that is renamed into place
 * atomically. A directory with the final name is therefore always complete.
 */
final class DistributionCache {

    private static final System.Logger LOG = System.getLogger(DistributionCache.class.getName());
    private static final ConcurrentMap<Path, Object> MONITORS = new ConcurrentHashMap<>();
    private static final String STAGING_PREFIX = ".unpack-";

    private final Path root;

    DistributionCache(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** Where per-node instance directories go: inside the cache, so they share its accessibility. */
    Path instancesDirectory() {
        return FileTrees.createTraversableDirectories(root.resolve("instances"));
    }

    /** Returns the home directory of the unpacked distribution, unpacking {@code zip} first if needed. */
    Path install(EngineKind kind, String version, Path zip) {
        String name = kind.id() + "-" + version;
        Path home = root.resolve(name);
        if (isComplete(kind, home)) {
            return home;
        }
        FileTrees.createTraversableDirectories(root);
        synchronized (MONITORS.computeIfAbsent(home, key -> new Object())) {
            try (FileChannel channel = FileChannel.open(root.resolve(name + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE)) {
                // Held until the channel closes; blocks while another JVM unpacks.
                channel.lock();
                if (isComplete(kind, home)) {
                    return home;
                }
                removeLeftovers(name, home);
                long started = System.nanoTime();
                Path staging = Files.createTempDirectory(root, STAGING_PREFIX + name + "-");
                try {
                    ZipExtractor.extract(zip, staging);
                    if (!isComplete(kind, staging)) {
                        throw new LocalEngineException(zip + " does not contain " + kind.startScript()
                                + "; is it really a " + kind.id() + " distribution?");
                    }
                    Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    FileTrees.deleteRecursively(staging);
                }
                LOG.log(Level.INFO, "Unpacked {0} into {1} in {2} s", zip.getFileName(), home,
                        String.format("%.1f", (System.nanoTime() - started) / 1e9));
                return home;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot unpack " + zip + " into " + home, e);
            }
        }
    }

    private static boolean isComplete(EngineKind kind, Path home) {
        return Files.isRegularFile(home.resolve(kind.startScript()));
    }

    /** Staging directories of a JVM that died mid-unpack, and a home someone damaged by hand. */
    private void removeLeftovers(String name, Path home) throws IOException {
        try (DirectoryStream<Path> staging = Files.newDirectoryStream(root, STAGING_PREFIX + name + "-*")) {
            for (Path leftover : staging) {
                FileTrees.deleteRecursively(leftover);
            }
        }
        FileTrees.deleteRecursively(home);
    }
}
