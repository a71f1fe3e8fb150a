package io.buildanalytics.teamcity;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for work done on the plugin's own threads; a hang guard, never a timing assertion. */
public final class Waiting {

    private Waiting() {
    }

    public static void until(BooleanSupplier condition, Supplier<Object> state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out; state: " + state.get());
            }
            Thread.sleep(20);
        }
    }
}
