package io.buildanalytics.shipper.delivery;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "equal jitter": each wait is half the current step plus a random part of the other
 * half, so many CI servers that lost the same engine do not all come back in the same second, and none waits
 * less than half its step.
 */
final class Backoff {

    private final long minMillis;
    private final long maxMillis;
    private final RandomGenerator random;
    private long stepMillis;

    Backoff(Duration min, Duration max, RandomGenerator random) {
        this.minMillis = min.toMillis();
        this.maxMillis = Math.max(minMillis, max.toMillis());
        this.random = random;
        this.stepMillis = minMillis;
    }

    /** The next wait; each call doubles the step up to the maximum. */
    Duration next() {
        long half = stepMillis / 2;
        long wait = half + (half == 0 ? 0 : random.nextLong(half + 1));
        stepMillis = Math.min(maxMillis, stepMillis * 2);
        return Duration.ofMillis(Math.max(1, wait));
    }

    /** Jumps straight to the longest wait: for problems a person has to fix (credentials, privileges, TLS). */
    Duration longest() {
        stepMillis = maxMillis;
        return next();
    }

    void reset() {
        stepMillis = minMillis;
    }
}
