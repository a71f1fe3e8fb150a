package io.buildanalytics.cli.ship;

import io.buildanalytics.cli.CliFailure;
import io.buildanalytics.cli.ExitCode;
import io.buildanalytics.shipper.HistoryLookup;
import io.buildanalytics.shipper.Shipper;
import io.buildanalytics.shipper.ShipperSettings;
import io.buildanalytics.shipper.spool.SpoolException;
import java.time.Duration;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;

/**
 * Starts the shipper on the data directory, waiting while another process holds its spool. Two CI jobs that
 * finish together on one runner run {@code ship} at the same moment; the spool admits one process at a time, and
 * the other one's run takes a second or two, so waiting (within {@code --wait}) beats failing.
 */
final class SpoolStart {

    private static final Duration RETRY_EVERY = Duration.ofMillis(200);

    private SpoolStart() {
    }

    /** @throws CliFailure FAILED when the spool cannot be opened before the deadline; nothing was queued then */
    static Shipper start(ShipperSettings settings, HistoryLookup history, long deadlineNanos) {
        while (true) {
            try {
                return Shipper.start(settings, history);
            } catch (SpoolException e) {
                if (!heldByAnotherProcess(e)) {
                    throw new CliFailure(ExitCode.FAILED, e.getMessage() + " Nothing was queued.", e);
                }
                if (System.nanoTime() >= deadlineNanos) {
                    throw new CliFailure(ExitCode.FAILED, e.getMessage() + " It was still in use when the wait "
                            + "ended, so nothing was queued: give concurrent ship runs each its own --data-dir, or "
                            + "a longer --wait.", e);
                }
                pause();
            }
        }
    }

    /**
     * The shipper reports a locked spool file as a {@link SpoolException} caused by H2's file-locked error. Read
     * from the cause rather than the sentence, which is for people and may be reworded.
     */
    static boolean heldByAnotherProcess(SpoolException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof MVStoreException store && store.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                return true;
            }
        }
        return false;
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_EVERY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCode.FAILED, "Interrupted while waiting for the spool; nothing was queued.", e);
        }
    }
}
