package io.buildanalytics.localengine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceDirectoryTest {

    @TempDir
    Path directory;

    private Path home;
    private Path instances;

    @BeforeEach
    void distribution() throws Exception {
        home = Files.createDirectories(directory.resolve("opensearch-2.19.4"));
        Files.createDirectories(home.resolve("config/jvm.options.d"));
        Files.writeString(home.resolve("config/jvm.options"), "-XX:HeapDumpPath=data\n-XX:ErrorFile=logs/hs_err_pid%p.log\n");
        Files.writeString(home.resolve("config/opensearch.yml"), "# defaults\n");
        instances = Files.createDirectories(directory.resolve("instances"));
    }

    @Test
    void holdsAPrivateConfigWithRelocatedJvmPathsAndTheWatchdog() throws Exception {
        InstanceDirectory instance = InstanceDirectory.create(instances, EngineKind.OPENSEARCH, home, NodeAccount.currentUser());
        try {
            assertThat(instance.root().getParent()).isEqualTo(instances);
            assertThat(instance.root().getFileName().toString()).startsWith("opensearch-");
            assertThat(instance.config().resolve("opensearch.yml")).hasContent("# defaults");
            assertThat(instance.config().resolve("jvm.options.d")).isDirectory();
            assertThat(instance.config().resolve("jvm.options")).hasContent(
                    "-XX:HeapDumpPath=" + instance.logs() + "\n-XX:ErrorFile=" + instance.logs() + "/hs_err_pid%p.log");
            assertThat(instance.data()).isDirectory();
            assertThat(instance.tmp()).isDirectory();
            assertThat(instance.consoleLog()).exists();
            assertThat(instance.watchdogScript()).isExecutable();
            assertThat(instance.httpPortsFile().getParent()).isEqualTo(instance.logs());
            // The distribution's own config is untouched.
            assertThat(home.resolve("config/jvm.options")).content().contains("HeapDumpPath=data");
        } finally {
            instance.delete();
        }
        assertThat(instance.root()).doesNotExist();
    }

    @Test
    void sweepKeepsLiveInstancesOfThisJvm() {
        InstanceDirectory instance = InstanceDirectory.create(instances, EngineKind.OPENSEARCH, home, NodeAccount.currentUser());
        try {
            InstanceDirectory.sweepStale(instances);

            assertThat(instance.root()).isDirectory();
        } finally {
            instance.delete();
        }
    }

    @Test
    void sweepDeletesInstancesWhoseOwnerIsGone() throws Exception {
        // What a JVM killed with SIGKILL leaves: an owner lock with content that nobody holds any more.
        Path dead = Files.createDirectories(instances.resolve("opensearch-dead/data"));
        Files.writeString(instances.resolve("opensearch-dead/owner.lock"), "pid=1234\n");

        InstanceDirectory.sweepStale(instances);

        assertThat(dead.getParent()).doesNotExist();
    }

    @Test
    void sweepLeavesFreshDirectoriesThatAreStillBeingCreated() throws Exception {
        Path unlocked = Files.createDirectories(instances.resolve("opensearch-new"));
        Path emptyLock = Files.createDirectories(instances.resolve("opensearch-locking"));
        Files.createFile(emptyLock.resolve("owner.lock"));
        Path ancient = Files.createDirectories(instances.resolve("opensearch-ancient"));
        Files.setLastModifiedTime(ancient, FileTime.from(Instant.now().minus(Duration.ofDays(2))));

        InstanceDirectory.sweepStale(instances);

        assertThat(unlocked).isDirectory();
        assertThat(emptyLock).isDirectory();
        assertThat(ancient).doesNotExist();
    }
}
