package io.buildanalytics.cli.ship;

import io.buildanalytics.cli.CliFailure;
import io.buildanalytics.cli.ExitCode;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.shipper.Shipper;
import io.buildanalytics.shipper.ShipperSettings;
import io.buildanalytics.shipper.ShipperStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One {@code ship} run's use of the shipper: open the spool, queue the event, wait until the spool is empty or the
 * wait is over, close. Everything the plugins rely on comes with it: the event is on disk before any network I/O,
 * whatever is not delivered stays for the next run, and whatever an earlier run left is delivered first (the spool
 * is first in, first out).
 */
final class SpoolDelivery {

    private static final Duration POLL = Duration.ofMillis(50);

    /**
     * @param status   the shipper's counters when it closed
     * @param settled  the spool was empty: every event in it, this one included, was indexed or refused
     * @param refusal  why the engine refused this event, if it did
     */
    record Result(ShipperStatus status, boolean settled, Optional<DeadLetterLookup.Refusal> refusal) {
        boolean delivered() {
            return settled && refusal.isEmpty();
        }
    }

    private SpoolDelivery() {
    }

    static Result ship(ShipperSettings settings, BuildFacts facts, String eventId, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        Instant queuedAt = Instant.now();
        ShipperStatus status;
        boolean settled;
        ShipHistory history = new ShipHistory(settings.dataDirectory(), settings.rules());
        try (Shipper shipper = SpoolStart.start(settings, history, deadline)) {
            try {
                history.open(facts);
            } catch (java.io.UncheckedIOException e) {
                throw new CliFailure(ExitCode.FAILED, e.getMessage() + "; nothing was queued.", e);
            }
            if (!shipper.accept(facts)) {
                ShipperStatus refused = shipper.status();
                throw new CliFailure(ExitCode.FAILED, "The event could not be queued in " + settings.dataDirectory()
                        + (refused.lastError() == null ? "" : ": " + refused.lastError().sentence()));
            }
            settled = awaitEmpty(shipper, deadline);
            // Closing stops a request in flight; whatever it carried stays queued and is sent again next time,
            // to the same index and id, so nothing is duplicated.
            shipper.close();
            status = shipper.status();
            settled = settled || empty(status);
        }
        Optional<DeadLetterLookup.Refusal> refusal = status.deadLettered() == 0 ? Optional.empty()
                : DeadLetterLookup.find(status.deadLetterFile(), eventId, queuedAt);
        return new Result(status, settled, refusal);
    }

    private static boolean awaitEmpty(Shipper shipper, long deadline) {
        while (!empty(shipper.status())) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /**
     * Nothing queued and no request in flight. The delivery thread removes settled events from the spool before it
     * counts them and clears its in-flight count last, so once both read zero the sent and dead-letter counts
     * include every event that left the spool.
     */
    private static boolean empty(ShipperStatus status) {
        return status.queued() == 0 && status.inFlight() == 0;
    }
}
