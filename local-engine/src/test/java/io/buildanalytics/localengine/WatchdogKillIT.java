package io.buildanalytics.localengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM killed with SIGKILL runs no shutdown hooks; its node must still go away (the watchdog's job), and the
 * next start must clean up the directory it left behind.
 */
class WatchdogKillIT {

    private static final Pattern REPORT = Pattern.compile(EngineHoldingMain.REPORT_PREFIX + "port=(\\d+) pid=(\\d+) log=(\\S+)");
    private static final Duration CHILD_START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration NODE_DEATH_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path directory;

    private Process child;
    private List<ProcessHandle> nodeProcesses = List.of();

    @AfterEach
    void neverLeaveAnythingRunning() {
        if (child != null) {
            child.destroyForcibly();
        }
        nodeProcesses.forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void nodeDiesWhenItsJvmIsKilled() throws Exception {
        Path output = directory.resolve("child.log");
        child = new ProcessBuilder(childCommand())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        Matcher report = awaitReport(output);
        int port = Integer.parseInt(report.group(1));
        long nodePid = Long.parseLong(report.group(2));
        Path instance = Path.of(report.group(3)).getParent().getParent();

        ProcessHandle node = ProcessHandle.of(nodePid).orElseThrow(() -> new AssertionError("node " + nodePid + " is not running"));
        nodeProcesses = Stream.concat(Stream.of(node), node.descendants()).toList();
        assertThat(node.parent().map(ProcessHandle::pid)).contains(child.pid());
        assertThat(Ports.answers(port)).as("node answers on port %d before the kill", port).isTrue();
        assertThat(instance).isDirectory();

        // Only the JVM: its node lives in another session and gets no signal from this.
        child.toHandle().destroyForcibly();
        assertThat(child.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        long deadline = System.nanoTime() + NODE_DEATH_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && (Ports.answers(port) || nodeProcesses.stream().anyMatch(ProcessLiveness::isRunning))) {
            Thread.sleep(250);
        }
        assertThat(Ports.answers(port)).as("port %d still answers %s after the JVM was killed", port, NODE_DEATH_TIMEOUT).isFalse();
        assertThat(nodeProcesses.stream().filter(ProcessLiveness::isRunning).map(ProcessHandle::pid))
                .as("node processes still alive").isEmpty();

        // What the next start in any JVM does: the dead JVM's instance directory goes.
        assertThat(instance).isDirectory();
        InstanceDirectory.sweepStale(instance.getParent());
        assertThat(instance).doesNotExist();
    }

    /** Same Java, same class path, and the runner's settings, so the child finds the same zips and cache. */
    private static List<String> childCommand() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (Map.Entry<Object, Object> property : System.getProperties().entrySet()) {
            String name = property.getKey().toString();
            if (name.startsWith("buildanalytics.") || name.equals("maven.repo.local")) {
                command.add("-D" + name + "=" + property.getValue());
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(EngineHoldingMain.class.getName());
        command.add(EngineKind.OPENSEARCH.name());
        return command;
    }

    private Matcher awaitReport(Path output) throws Exception {
        long deadline = System.nanoTime() + CHILD_START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Matcher> report = Files.readAllLines(output).stream()
                    .map(REPORT::matcher)
                    .filter(Matcher::find)
                    .findFirst();
            if (report.isPresent()) {
                return report.get();
            }
            if (!child.isAlive()) {
                fail("The child JVM exited with " + child.exitValue() + " before starting its node:\n" + Files.readString(output));
            }
            Thread.sleep(250);
        }
        return fail("The child JVM did not report a started node within " + CHILD_START_TIMEOUT + ":\n"
                + Files.readString(output));
    }
}
