package io.buildanalytics.localengine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProcessLivenessTest {

    @Test
    void aZombieIsAliveForTheJdkButNotRunning() throws Exception {
        // sleep 30 replaces the shell and never collects the short sleep, which therefore stays a zombie.
        Process parent = new ProcessBuilder("sh", "-c", "sleep 0.2 & exec sleep 30").start();
        try {
            ProcessHandle zombie = awaitChild(parent);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (ProcessLiveness.isRunning(zombie) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }

            assertThat(zombie.isAlive()).as("the JDK's view of a zombie").isTrue();
            assertThat(ProcessLiveness.isRunning(zombie)).isFalse();
            assertThat(ProcessLiveness.isRunning(parent.toHandle())).isTrue();
        } finally {
            parent.destroyForcibly().waitFor();
        }
        assertThat(ProcessLiveness.isRunning(parent.toHandle())).isFalse();
    }

    private static ProcessHandle awaitChild(Process parent) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            Optional<ProcessHandle> child = parent.children().findFirst();
            if (child.isPresent()) {
                return child.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("sh did not start its child");
    }
}
