package io.buildanalytics.localengine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The private directory of one running node: a copy of the distribution's config, data, logs, tmp and the
 * watchdog script, owned by the account that runs the node and deleted when the node stops.
 *
 * <p>The owning JVM holds a lock on {@code owner.lock} for the node's lifetime. The lock dies with the JVM,
 * so a directory whose lock can be taken belongs to a JVM that was killed; {@link #sweepStale} deletes those.
 */
final class InstanceDirectory {

    private static final System.Logger LOG = System.getLogger(InstanceDirectory.class.getName());
    private static final String OWNER_LOCK = "owner.lock";
    private static final String WATCHDOG = "engine-watchdog.sh";
    /** A directory without an owner lock is normally one being created right now; only an old one is debris. */
    private static final Duration ORPHAN_AGE = Duration.ofHours(1);

    /**
     * This JVM's own instances. The sweep must not even open their lock files: closing any channel on a file
     * releases every POSIX lock the process holds on it, including the owner's.
     */
    private static final Set<Path> OWNED_BY_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path root;
    private final FileChannel lockChannel;

    private InstanceDirectory(Path root, FileChannel lockChannel) {
        this.root = root;
        this.lockChannel = lockChannel;
    }

    static InstanceDirectory create(Path instancesDirectory, EngineKind kind, Path home, NodeAccount account) {
        Path root;
        try {
            root = Files.createTempDirectory(instancesDirectory, kind.id() + "-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create an instance directory in " + instancesDirectory, e);
        }
        // jvm.options cannot quote paths, and the engines' scripts are not written for blanks either.
        if (root.toString().chars().anyMatch(Character::isWhitespace)) {
            FileTrees.deleteRecursively(root);
            throw new LocalEngineException("The engine cache path must not contain blanks: " + root + ". Set -D"
                    + RunnerConfiguration.CACHE_PROPERTY + " to another directory.");
        }
        OWNED_BY_THIS_JVM.add(root);
        InstanceDirectory instance = null;
        try {
            instance = new InstanceDirectory(root, lockAsOwner(root.resolve(OWNER_LOCK)));
            instance.populate(home);
            account.takeOwnership(root);
            return instance;
        } catch (IOException e) {
            abandon(root, instance);
            throw new UncheckedIOException("Cannot prepare instance directory " + root, e);
        } catch (RuntimeException e) {
            abandon(root, instance);
            throw e;
        }
    }

    private static void abandon(Path root, InstanceDirectory instance) {
        if (instance != null) {
            instance.delete();
        } else {
            OWNED_BY_THIS_JVM.remove(root);
            FileTrees.deleteRecursively(root);
        }
    }

    Path root() {
        return root;
    }

    Path config() {
        return root.resolve("config");
    }

    Path data() {
        return root.resolve("data");
    }

    Path logs() {
        return root.resolve("logs");
    }

    Path tmp() {
        return root.resolve("tmp");
    }

    /** Everything the node prints, including launcher errors that happen before its own logging starts. */
    Path consoleLog() {
        return logs().resolve("console.log");
    }

    /** Written by the node ({@code node.portsfile}) once its HTTP port is bound. */
    Path httpPortsFile() {
        return logs().resolve("http.ports");
    }

    Path watchdogScript() {
        return root.resolve(WATCHDOG);
    }

    /** Releases the owner lock and deletes the directory. */
    void delete() {
        closeQuietly(lockChannel);
        OWNED_BY_THIS_JVM.remove(root);
        FileTrees.deleteRecursively(root);
    }

    /** Deletes instance directories left behind by JVMs that died without stopping their nodes. */
    static void sweepStale(Path instancesDirectory) {
        if (!Files.isDirectory(instancesDirectory)) {
            return;
        }
        try (DirectoryStream<Path> instances = Files.newDirectoryStream(instancesDirectory, Files::isDirectory)) {
            for (Path instance : instances) {
                if (!OWNED_BY_THIS_JVM.contains(instance.toAbsolutePath())) {
                    sweepIfStale(instance);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.DEBUG, "Cannot sweep stale instance directories in " + instancesDirectory, e);
        }
    }

    private static void sweepIfStale(Path instance) {
        Path lockFile = instance.resolve(OWNER_LOCK);
        try {
            if (!Files.exists(lockFile)) {
                if (isOlderThan(instance, ORPHAN_AGE)) {
                    FileTrees.deleteRecursively(instance);
                }
                return;
            }
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
                    FileLock lock = channel.tryLock()) {
                // An empty lock file was just created and its owner is about to lock it and write its pid.
                if (lock != null && channel.size() > 0) {
                    LOG.log(Level.INFO, "Deleting {0}, left behind by a JVM that died while its node ran", instance);
                    FileTrees.deleteRecursively(instance);
                }
            }
        } catch (IOException | UncheckedIOException | OverlappingFileLockException e) {
            LOG.log(Level.DEBUG, "Cannot sweep " + instance, e);
        }
    }

    private static FileChannel lockAsOwner(Path lockFile) throws IOException {
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            // Blocking: a concurrent sweep may hold the lock for a moment before it sees the file is empty.
            channel.lock();
            String owner = "pid=" + ProcessHandle.current().pid() + " started=" + Instant.now() + "\n";
            channel.write(ByteBuffer.wrap(owner.getBytes(StandardCharsets.US_ASCII)));
            channel.force(true);
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private void populate(Path home) throws IOException {
        Files.createDirectories(data());
        Files.createDirectories(logs());
        Files.createDirectories(tmp());
        Files.createFile(consoleLog());
        FileTrees.copy(home.resolve("config"), config());
        Path jvmOptions = config().resolve("jvm.options");
        if (Files.isRegularFile(jvmOptions)) {
            String original = Files.readString(jvmOptions, StandardCharsets.UTF_8);
            Files.writeString(jvmOptions, JvmOptionsRewriter.rewrite(original, logs()), StandardCharsets.UTF_8);
        }
        try (InputStream script = InstanceDirectory.class.getResourceAsStream(WATCHDOG)) {
            if (script == null) {
                throw new IllegalStateException("Missing class-path resource " + WATCHDOG);
            }
            Files.copy(script, watchdogScript(), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(watchdogScript(), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static boolean isOlderThan(Path path, Duration age) throws IOException {
        FileTime modified = Files.getLastModifiedTime(path);
        return modified.toInstant().isBefore(Instant.now().minus(age));
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "Cannot close instance lock", e);
        }
    }
}
