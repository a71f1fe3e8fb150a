package io.buildanalytics.shipper.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One process at a time per spool directory, checked with real second processes. */
class SpoolOwnershipTest {

    private static final long BUDGET = 1 << 20;
    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path directory;

    @TempDir
    Path scratch;

    @Test
    void aSecondOpenInThisProcessIsRefusedAndTheFirstKeepsItsLock() throws Exception {
        Path spoolDirectory = directory.resolve("spool");
        try (MvStoreSpool spool = MvStoreSpool.open(spoolDirectory, BUDGET)) {
            spool.append(new byte[] {1});

            assertThatThrownBy(() -> MvStoreSpool.open(directory.resolve("./spool/../spool"), BUDGET))
                    .isInstanceOf(SpoolException.class)
                    .hasMessageContaining("already open in this process");

            // The refused attempt must not have released the lock the first spool holds.
            assertThat(tryOpenInAnotherProcess(spoolDirectory)).startsWith("REFUSED ")
                    .contains("in use by another process");
            spool.append(new byte[] {2});
        }
        assertThat(tryOpenInAnotherProcess(spoolDirectory)).as("after close").isEqualTo("OPENED");
        try (MvStoreSpool spool = MvStoreSpool.open(spoolDirectory, BUDGET)) {
            assertThat(spool.stats().records()).isEqualTo(2);
        }
    }

    @Test
    void aDirectoryHeldByAnotherProcessIsRefusedUntilThatProcessDies() throws Exception {
        try (ChildJvm holder = ChildJvm.start(scratch.resolve("holder.err"), "hold", directory.toString(),
                Long.toString(BUDGET))) {
            assertThat(holder.nextLine(CHILD_TIMEOUT)).as("holder report; stderr: %s", holder.errorOutput())
                    .isEqualTo("OPEN");

            assertThatThrownBy(() -> MvStoreSpool.open(directory, BUDGET))
                    .isInstanceOf(SpoolException.class)
                    .hasMessageContaining("in use by another process");

            holder.kill();
        }
        try (MvStoreSpool spool = MvStoreSpool.open(directory, BUDGET)) {
            assertThat(spool.setAside()).as("a locked file is not an unreadable one").isEmpty();
            spool.append(new byte[] {3});
        }
    }

    private String tryOpenInAnotherProcess(Path spoolDirectory) throws Exception {
        try (ChildJvm probe = ChildJvm.start(scratch.resolve("probe.err"), "try-open", spoolDirectory.toString(),
                Long.toString(BUDGET))) {
            String line = probe.nextLine(CHILD_TIMEOUT);
            assertThat(probe.waitFor(CHILD_TIMEOUT)).as("probe exits").isTrue();
            assertThat(line).as("probe report; stderr: %s", probe.errorOutput()).isNotNull();
            return line;
        }
    }
}
