package io.buildanalytics.localengine;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The operating-system side of a running node: launched through the watchdog script in its own session,
 * stopped by signalling every process it consists of.
 */
final class NodeProcess {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration AFTER_KILL = Duration.ofSeconds(10);

    private final Process process;

    private NodeProcess(Process process) {
        this.process = process;
    }

    /**
     * Starts {@code setsid sh engine-watchdog.sh <this pid> <grace> <command>}, preceded by the account switch
     * when there is one. Every step execs the next, so {@link #pid()} is the node's own pid.
     */
    static NodeProcess start(NodeCommand command, InstanceDirectory instance, NodeAccount account, Duration watchdogGrace) {
        List<String> arguments = new ArrayList<>(account.commandPrefix());
        arguments.add(Commands.require("setsid", "util-linux").toString());
        arguments.add("/bin/sh");
        arguments.add(instance.watchdogScript().toString());
        arguments.add(Long.toString(ProcessHandle.current().pid()));
        arguments.add(Long.toString(watchdogGrace.toSeconds()));
        arguments.addAll(command.arguments());

        ProcessBuilder builder = new ProcessBuilder(arguments)
                .directory(instance.root().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(instance.consoleLog().toFile()));
        builder.environment().clear();
        builder.environment().putAll(command.environment());
        try {
            return new NodeProcess(builder.start());
        } catch (IOException e) {
            throw new LocalEngineException("Cannot start " + arguments + ": " + e.getMessage(), e);
        }
    }

    long pid() {
        return process.pid();
    }

    OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /**
     * Sends SIGTERM to the node and all its descendants at once (Elasticsearch runs a CLI process and a server
     * process; both shut down cleanly on TERM), waits up to {@code grace}, then SIGKILLs what is left.
     *
     * @return true if every process ended within the grace period, false if some had to be killed
     */
    boolean stop(Duration grace) {
        List<ProcessHandle> processes =
                Stream.concat(Stream.of(process.toHandle()), process.toHandle().descendants()).toList();
        processes.forEach(ProcessHandle::destroy);
        boolean clean = awaitAllDead(processes, grace);
        if (!clean) {
            processes.stream().filter(ProcessLiveness::isRunning).forEach(ProcessHandle::destroyForcibly);
            awaitAllDead(processes, AFTER_KILL);
        }
        awaitReaped();
        return clean;
    }

    /** The node is this JVM's child: let the JDK collect its exit status, so exitCode() reflects the stop. */
    private void awaitReaped() {
        try {
            process.waitFor(AFTER_KILL.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean awaitAllDead(List<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean interrupted = false;
        try {
            while (processes.stream().anyMatch(ProcessLiveness::isRunning)) {
                if (System.nanoTime() - deadline > 0) {
                    return false;
                }
                try {
                    Thread.sleep(POLL.toMillis());
                } catch (InterruptedException e) {
                    // A stop must run to its end even when the caller is interrupted (a test timeout, say),
                    // or nodes would be left behind; the interrupt is restored afterwards.
                    interrupted = true;
                }
            }
            return true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
