package io.buildanalytics.shipper.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void eachWaitLiesBetweenHalfAndAllOfADoublingStepCappedAtTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new SplittableRandom(7));
        long step = 1_000;
        for (int attempt = 0; attempt < 12; attempt++) {
            long wait = backoff.next().toMillis();
            assertThat(wait).as("attempt %d", attempt).isBetween(step / 2, step);
            step = Math.min(60_000, step * 2);
        }
    }

    @Test
    void waitsAreSpreadSoServersDoNotReturnTogether() {
        Set<Long> firstWaits = new HashSet<>();
        SplittableRandom random = new SplittableRandom(42);
        for (int server = 0; server < 20; server++) {
            Backoff backoff = new Backoff(Duration.ofSeconds(8), Duration.ofMinutes(5), random.split());
            firstWaits.add(backoff.next().toMillis());
        }
        assertThat(firstWaits).hasSizeGreaterThan(10);
    }

    @Test
    void resetStartsOverAndLongestJumpsToTheCap() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(30), new SplittableRandom(1));
        assertThat(backoff.longest().toMillis()).isBetween(15_000L, 30_000L);
        backoff.reset();
        assertThat(backoff.next().toMillis()).isBetween(50L, 100L);
    }
}
