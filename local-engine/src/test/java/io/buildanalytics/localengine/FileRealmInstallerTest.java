package io.buildanalytics.localengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the installer drives bin/elasticsearch-users, with a stand-in tool that records its calls. (That the
 * real tool's files let the users in is SecuredElasticsearchIT's job.)
 */
class FileRealmInstallerTest {

    @TempDir
    Path directory;

    private Path home;
    private Path calls;
    private InstanceDirectory instance;

    @BeforeEach
    void prepare() throws Exception {
        home = Files.createDirectories(directory.resolve("home"));
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/roles.yml"), "# the distribution's example roles\n");
        Files.createDirectories(home.resolve("bin"));
        calls = directory.resolve("calls.log");
        instance = InstanceDirectory.create(Files.createDirectories(directory.resolve("instances")),
                EngineKind.ELASTICSEARCH, home, NodeAccount.currentUser());
    }

    @AfterEach
    void cleanUp() {
        instance.delete();
    }

    @Test
    void writesRolesFirstThenAddsTheSuperuserAndEveryUserWithTheTool() throws Exception {
        standInTool("grep -q events_reader \"$ES_PATH_CONF/roles.yml\" && echo \"roles ready, in $(pwd)\" >> \"$CALLS\"\n"
                + "echo \"$@\" >> \"$CALLS\"\n");
        FileRealm realm = FileRealm.EMPTY
                .withRole("events_reader", "{\"indices\":[{\"names\":[\"cicd-events-*\"],\"privileges\":[\"read\"]}]}")
                .withUser("reader", "-starts-with-a-dash", "events_reader", "viewer")
                .withUser("nobody", "no-roles-at-all");

        FileRealmInstaller.install(realm, new EngineCredentials("admin", "generated-1"), home, instance,
                NodeAccount.currentUser(), environment());

        assertThat(Files.readString(instance.config().resolve("roles.yml"))).isEqualTo(realm.rolesYaml());
        assertThat(Files.readAllLines(calls)).containsExactly(
                "roles ready, in " + instance.root(),
                "useradd admin --password=generated-1 --roles=superuser",
                "roles ready, in " + instance.root(),
                "useradd reader --password=-starts-with-a-dash --roles=events_reader,viewer",
                "roles ready, in " + instance.root(),
                "useradd nobody --password=no-roles-at-all");
    }

    @Test
    void aFailingToolFailsWithItsOutputButWithoutThePassword() throws Exception {
        standInTool("echo 'ERROR: Invalid password - passwords must be at least [6] characters long' >&2\nexit 65\n");
        FileRealm realm = FileRealm.EMPTY.withUser("reader", "short");

        assertThatThrownBy(() -> FileRealmInstaller.install(realm, new EngineCredentials("admin", "generated-1"), home,
                instance, NodeAccount.currentUser(), environment()))
                .isInstanceOf(LocalEngineException.class)
                .hasMessageContaining("'admin'")
                .hasMessageContaining("exited with code 65")
                .hasMessageContaining("passwords must be at least [6] characters long")
                .hasMessageNotContaining("generated-1");
    }

    private void standInTool(String script) throws Exception {
        Path tool = home.resolve("bin/elasticsearch-users");
        Files.writeString(tool, "#!/bin/sh\n" + script);
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Like the node's: exactly what the installer is given, nothing inherited. */
    private Map<String, String> environment() {
        return Map.of("PATH", "/usr/bin:/bin", "ES_PATH_CONF", instance.config().toString(), "CALLS", calls.toString());
    }
}
