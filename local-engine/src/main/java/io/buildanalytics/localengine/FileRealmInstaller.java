package io.buildanalytics.localengine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a secured node's file realm into its config directory before the node starts (the realm reads its
 * files at startup). Users go in through the distribution's own {@code bin/elasticsearch-users}, run as the
 * node's account: it hashes passwords exactly as this Elasticsearch version expects and checks names and
 * passwords by its own rules, which beats reimplementing bcrypt and the file formats here.
 */
final class FileRealmInstaller {

    private static final System.Logger LOG = System.getLogger(FileRealmInstaller.class.getName());
    private static final String USERS_TOOL = "bin/elasticsearch-users";
    /** Each run starts two small JVMs (a Java version check, then the tool): about 2 s, more on a busy machine. */
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(90);

    private FileRealmInstaller() {
    }

    /**
     * @param environment the node's own environment (Java, config path, HOME), which the tool needs as well
     */
    static void install(FileRealm realm, EngineCredentials superuser, Path home, InstanceDirectory instance,
            NodeAccount account, Map<String, String> environment) {
        // Roles first: the tool warns about roles it cannot find in roles.yml.
        writeRoles(realm, instance, account);
        addUser(superuser.username(), superuser.password(), List.of(FileRealm.SUPERUSER_ROLE), home, instance, account,
                environment);
        realm.users().forEach((name, user) -> addUser(name, user.password(), user.roles(), home, instance, account,
                environment));
    }

    private static void writeRoles(FileRealm realm, InstanceDirectory instance, NodeAccount account) {
        Path roles = instance.config().resolve("roles.yml");
        try {
            Files.writeString(roles, realm.rolesYaml(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + roles, e);
        }
        // Replacing the distribution's copy may leave the file root's; the node must be able to read it.
        account.takeOwnership(roles);
    }

    private static void addUser(String name, String password, List<String> roles, Path home, InstanceDirectory instance,
            NodeAccount account, Map<String, String> environment) {
        List<String> command = new ArrayList<>(account.commandPrefix());
        command.add(home.resolve(USERS_TOOL).toString());
        command.add("useradd");
        command.add(name);
        // The "--option=value" form, so a value that starts with '-' is not taken for an option. The password is
        // briefly visible in the process list; acceptable for a throwaway node on loopback.
        command.add("--password=" + password);
        if (!roles.isEmpty()) {
            command.add("--roles=" + String.join(",", roles));
        }
        Commands.Result result = Commands.run(command, environment, instance.root(), TOOL_TIMEOUT);
        if (result.exitCode() != 0) {
            throw new LocalEngineException("Cannot add the file-realm user '" + name + "': " + USERS_TOOL
                    + " exited with code " + result.exitCode() + ": " + result.output());
        }
        if (!result.output().isEmpty()) {
            // E.g. a role that is neither built in nor defined with withRole: the user gets no privileges from it.
            LOG.log(Level.WARNING, "{0} useradd {1}: {2}", USERS_TOOL, name, result.output());
        }
    }
}
