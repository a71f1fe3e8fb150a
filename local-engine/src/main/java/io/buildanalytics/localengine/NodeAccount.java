package io.buildanalytics.localengine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The account a node runs as. Elasticsearch and OpenSearch refuse to run as root, so a root JVM hands the
 * node to an unprivileged system account, creating it on first use.
 *
 * <p>The switch uses {@code setpriv}, not {@code runuser}: setpriv execs in place, so the process the JVM
 * started is the node itself. runuser forks and stays in between, and when it receives SIGTERM it kills its
 * child with SIGKILL two seconds later, which would turn every clean stop into a kill.
 */
final class NodeAccount {

    private static final System.Logger LOG = System.getLogger(NodeAccount.class.getName());
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    /** useradd's exit code when the name is taken: another JVM created the account at the same moment. */
    private static final int USERADD_NAME_IN_USE = 9;

    private final String userName;
    private final String groupName;
    private final List<String> commandPrefix;

    private NodeAccount(String userName, String groupName, List<String> commandPrefix) {
        this.userName = userName;
        this.groupName = groupName;
        this.commandPrefix = commandPrefix;
    }

    /** The account for this JVM: itself, or the configured unprivileged account when running as root. */
    static NodeAccount forThisJvm(RunnerConfiguration configuration) {
        return configuration.runningAsRoot() ? unprivileged(configuration.nodeUser()) : currentUser();
    }

    /** This JVM's own account: no switch, no change of ownership. */
    static NodeAccount currentUser() {
        return new NodeAccount(System.getProperty("user.name"), null, List.of());
    }

    private static NodeAccount unprivileged(String name) {
        if (name.equals("root") || name.equals("0")) {
            throw new LocalEngineException(RunnerConfiguration.USER_PROPERTY + " must name an unprivileged account;"
                    + " the engines refuse to run as root");
        }
        if (!exists(name)) {
            create(name);
        }
        String uid = id("-u", name);
        String gid = id("-g", name);
        String group = id("-gn", name);
        Path setpriv = Commands.require("setpriv", "util-linux");
        return new NodeAccount(name, group,
                List.of(setpriv.toString(), "--reuid=" + uid, "--regid=" + gid, "--init-groups"));
    }

    String userName() {
        return userName;
    }

    boolean dropsPrivileges() {
        return !commandPrefix.isEmpty();
    }

    /** Prepended to the node's command line to switch to this account (empty when no switch is needed). */
    List<String> commandPrefix() {
        return commandPrefix;
    }

    /** Hands a tree (an instance directory) to the account, so the node can write its data, logs and keystore. */
    void takeOwnership(Path tree) {
        if (!dropsPrivileges()) {
            return;
        }
        try (Stream<Path> paths = Files.walk(tree)) {
            UserPrincipalLookupService lookup = tree.getFileSystem().getUserPrincipalLookupService();
            UserPrincipal user = lookup.lookupPrincipalByName(userName);
            GroupPrincipal group = lookup.lookupPrincipalByGroupName(groupName);
            for (Path path : (Iterable<Path>) paths::iterator) {
                PosixFileAttributeView view =
                        Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
                view.setOwner(user);
                view.setGroup(group);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot hand " + tree + " to " + userName, e);
        }
    }

    /** Fails early, with advice, if the account cannot reach the engine cache. */
    void requireCacheReachable(Path cacheDirectory) {
        requireReachable(cacheDirectory, "engine cache", "Set -D" + RunnerConfiguration.CACHE_PROPERTY + " (or "
                + RunnerConfiguration.CACHE_ENVIRONMENT_VARIABLE + ") to a directory such as "
                + RunnerConfiguration.ROOT_CACHE + ".");
    }

    /** Fails early, with advice, if the account cannot reach the Java the node is to run on. */
    void requireJavaReachable(Path javaHome) {
        requireReachable(javaHome, "Java runtime",
                "Set -D" + RunnerConfiguration.JAVA_HOME_PROPERTY + " to a JDK outside private directories.");
    }

    /**
     * Otherwise the node dies with an obscure "permission denied" deep in its start script; a cache or JDK
     * under /root (mode 700) is the usual cause.
     */
    private void requireReachable(Path path, String what, String advice) {
        if (!dropsPrivileges()) {
            return;
        }
        for (Path directory = path.toAbsolutePath().normalize(); directory != null; directory = directory.getParent()) {
            if (!Files.isDirectory(directory)) {
                continue;
            }
            try {
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(directory);
                boolean ownedByAccount = Files.getOwner(directory).getName().equals(userName);
                if (!ownedByAccount && !mode.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    throw new LocalEngineException("The node runs as '" + userName + "', which cannot enter " + directory
                            + " (mode " + PosixFilePermissions.toString(mode) + ") and so cannot reach the " + what + " "
                            + path + ". " + advice);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot inspect " + directory, e);
            }
        }
    }

    private static boolean exists(String name) {
        return Commands.run(List.of(Commands.require("id", "coreutils").toString(), "-u", name), COMMAND_TIMEOUT)
                .exitCode() == 0;
    }

    private static void create(String name) {
        Path useradd = Commands.require("useradd", "the passwd package");
        Commands.Result result = Commands.run(List.of(useradd.toString(), "--system", "--no-create-home",
                "--shell", "/usr/sbin/nologin", name), COMMAND_TIMEOUT);
        if (result.exitCode() == 0) {
            LOG.log(Level.INFO, "Created system account {0} to run search engine nodes (they refuse to run as root)", name);
        } else if (!(result.exitCode() == USERADD_NAME_IN_USE && exists(name))) {
            throw new LocalEngineException("Cannot create the account '" + name + "' to run the node (useradd exit code "
                    + result.exitCode() + "): " + result.output());
        }
    }

    private static String id(String option, String name) {
        Commands.Result result =
                Commands.run(List.of(Commands.require("id", "coreutils").toString(), option, name), COMMAND_TIMEOUT);
        if (result.exitCode() != 0 || result.output().isBlank()) {
            throw new LocalEngineException("Cannot look up account '" + name + "' (id " + option + "): " + result.output());
        }
        return result.output().trim();
    }
}
