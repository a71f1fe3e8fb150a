package io.buildanalytics.localengine;

import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * Guarantees that a started node is stopped and its instance directory deleted exactly once: on
 * {@link #release}, or from a shutdown hook if the JVM exits first. (A JVM killed with SIGKILL runs no
 * hooks; the watchdog script covers that case.)
 */
final class RunningNode {

    private static final System.Logger LOG = System.getLogger(RunningNode.class.getName());

    private final NodeProcess process;
    private final InstanceDirectory instance;
    private final Duration grace;
    private final Thread shutdownHook;
    private boolean released;

    RunningNode(NodeProcess process, InstanceDirectory instance, Duration grace, String description) {
        this.process = process;
        this.instance = instance;
        this.grace = grace;
        this.shutdownHook = new Thread(() -> release(), "stop " + description);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    NodeProcess process() {
        return process;
    }

    InstanceDirectory instance() {
        return instance;
    }

    enum Outcome {
        /** Ended within the grace period after SIGTERM. */
        STOPPED,
        /** Still running after the grace period, so killed. */
        KILLED,
        /** An earlier release already did the work. */
        ALREADY_RELEASED
    }

    /**
     * Stops the node and deletes its directory. Synchronized so that a shutdown hook arriving during a
     * {@code close()} waits for it, instead of letting the JVM halt halfway through the stop.
     */
    synchronized Outcome release() {
        if (released) {
            return Outcome.ALREADY_RELEASED;
        }
        released = true;
        boolean clean = process.stop(grace);
        try {
            instance.delete();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot delete " + instance.root(), e);
        }
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down: the hook is running or about to, and will find nothing to do.
            }
        }
        return clean ? Outcome.STOPPED : Outcome.KILLED;
    }
}
