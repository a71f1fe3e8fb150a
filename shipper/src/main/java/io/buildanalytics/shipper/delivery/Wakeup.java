package io.buildanalytics.shipper.delivery;

import java.time.Duration;

/**
 * Lets the build callback nudge the delivery thread without blocking: a signal raised before the thread starts
 * waiting is not lost, and {@link #await} returns early when signalled or when the shipper stops.
 */
final class Wakeup {

    private boolean signalled;

    synchronized void signal() {
        signalled = true;
        notifyAll();
    }

    /** Waits up to {@code timeout} for a signal; clears it. Returns false when interrupted. */
    synchronized boolean await(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!signalled) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    break;
                }
                wait(Math.max(1, remaining / 1_000_000));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            signalled = false;
        }
    }
}
