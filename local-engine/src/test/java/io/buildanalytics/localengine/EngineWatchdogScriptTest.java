package io.buildanalytics.localengine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watchdog script with real processes: a stand-in owner that can be killed, and sleep as the "node". */
class EngineWatchdogScriptTest {

    @TempDir
    Path directory;

    private Path script;
    private final List<ProcessHandle> started = new ArrayList<>();

    @BeforeEach
    void extractScript() throws Exception {
        script = directory.resolve("engine-watchdog.sh");
        try (InputStream in = InstanceDirectory.class.getResourceAsStream("engine-watchdog.sh")) {
            Files.copy(in, script);
        }
    }

    @AfterEach
    void killLeftovers() {
        for (ProcessHandle process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Test
    void theNodeKeepsThePidOfTheProcessThatWasStarted() throws Exception {
        Process node = startWatched(ProcessHandle.current().pid(), 5, "sleep", "600");

        assertThat(eventually(() -> node.info().command().orElse("").endsWith("/sleep"), Duration.ofSeconds(5))).isTrue();
        assertThat(node.isAlive()).isTrue();
    }

    @Test
    void stopsTheNodeWhenTheOwnerIsKilled() throws Exception {
        Process owner = start(List.of("sleep", "600"));
        Process node = startWatched(owner.pid(), 5, "sleep", "600");
        assertThat(node.isAlive()).isTrue();

        owner.destroyForcibly();

        // The watcher polls once a second, and sleep dies at once on TERM.
        assertThat(eventually(() -> !node.isAlive(), Duration.ofSeconds(10))).isTrue();
        assertThat(eventually(() -> node.descendants().findAny().isEmpty(), Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void killsANodeThatIgnoresTermAfterTheGracePeriod() throws Exception {
        Process owner = start(List.of("sleep", "600"));
        Process node = startWatched(owner.pid(), 2, "sh", "-c", "trap '' TERM; sleep 600");
        Thread.sleep(500);

        long killedAt = System.nanoTime();
        owner.destroyForcibly();

        assertThat(eventually(() -> !node.isAlive(), Duration.ofSeconds(15))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void theWatcherEndsWhenTheNodeEndsByItself() throws Exception {
        Process node = startWatched(ProcessHandle.current().pid(), 5, "sleep", "2");
        assertThat(eventually(() -> node.descendants().findAny().isPresent(), Duration.ofSeconds(5))).isTrue();
        List<ProcessHandle> watcher = node.descendants().toList();

        assertThat(node.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        assertThat(eventually(() -> watcher.stream().noneMatch(ProcessHandle::isAlive), Duration.ofSeconds(5))).isTrue();
    }

    private Process startWatched(long ownerPid, int graceSeconds, String... command) throws Exception {
        List<String> arguments = new ArrayList<>(List.of(Commands.require("setsid", "util-linux").toString(), "/bin/sh",
                script.toString(), Long.toString(ownerPid), Integer.toString(graceSeconds)));
        arguments.addAll(List.of(command));
        return start(arguments);
    }

    private Process start(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("output-" + started.size() + ".log").toFile())
                .start();
        started.add(process.toHandle());
        return process;
    }

    private static boolean eventually(java.util.function.BooleanSupplier condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return condition.getAsBoolean();
    }
}
