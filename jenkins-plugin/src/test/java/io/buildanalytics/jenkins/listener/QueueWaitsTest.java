package io.buildanalytics.jenkins.listener;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Queue time from the queue's own events, matched by queue id. */
class QueueWaitsTest {

    private static final Instant ENTERED = Instant.parse("2026-03-10T09:00:00Z");

    @Test
    void theWaitStartsWhenTheQuietPeriodEnds() {
        QueueWaits waits = new QueueWaits();

        waits.quietPeriodOver(7, ENTERED.plusSeconds(5));
        waits.leftQueue(7, ENTERED, false);

        assertThat(waits.take(7)).contains(ENTERED.plusSeconds(5));
        assertThat(waits.take(7)).isEmpty();
    }

    @Test
    void withoutAQuietPeriodTheWaitStartsWhenTheItemEnteredAndCancelledItemsAreForgotten() {
        QueueWaits waits = new QueueWaits();

        waits.leftQueue(8, ENTERED, false);
        waits.quietPeriodOver(9, ENTERED);
        waits.leftQueue(9, ENTERED, true);

        assertThat(waits.take(8)).contains(ENTERED);
        assertThat(waits.take(9)).isEmpty();
        assertThat(waits.take(10)).isEmpty();
        assertThat(waits.size()).isZero();
    }

    @Test
    void staysBoundedWhenRunsNeverCollectTheirWait() {
        QueueWaits waits = new QueueWaits();

        for (long id = 0; id < 3 * QueueWaits.CAPACITY; id++) {
            waits.quietPeriodOver(id, ENTERED);
            waits.leftQueue(id, ENTERED, false);
            waits.quietPeriodOver(1_000_000 + id, ENTERED);
        }

        assertThat(waits.size()).isLessThanOrEqualTo(2 * QueueWaits.CAPACITY);
        assertThat(waits.take(3L * QueueWaits.CAPACITY - 1)).contains(ENTERED);
        assertThat(waits.take(0)).isEmpty();
    }
}
