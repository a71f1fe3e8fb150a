package io.buildanalytics.shipper.runtime;

import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.schema.IndexNaming;
import io.buildanalytics.shipper.HistoryLookup;
import io.buildanalytics.shipper.Shipper;
import io.buildanalytics.shipper.ShipperSettings;
import io.buildanalytics.shipper.backend.Backends;
import io.buildanalytics.shipper.backfill.Backfill;
import io.buildanalytics.shipper.backfill.BackfillProgress;
import io.buildanalytics.shipper.backfill.BackfillRequest;
import io.buildanalytics.shipper.backfill.BackfillSource;
import io.buildanalytics.shipper.check.ConnectionTest;
import io.buildanalytics.shipper.check.ConnectionVerdict;
import io.buildanalytics.shipper.connection.EngineConnection;
import io.buildanalytics.shipper.spool.SpoolException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A plugin's recording machinery, the same in every CI server: the shipper started from the saved settings and
 * replaced or reconfigured when they change (no restart), the backfill on its own thread, and the status an admin
 * page shows. Each plugin reads its builds into facts and hands them to {@link #accept}.
 */
public final class RecordingRuntime implements AutoCloseable {

    public static final String NOT_CONFIGURED =
            "Not configured yet: builds are not recorded until an engine URL is saved.";

    private static final Logger LOGGER = Logger.getLogger(RecordingRuntime.class.getName());

    private final Clock clock;
    private final AtomicLong unread = new AtomicLong();
    private volatile Shipper shipper;
    private volatile String state = NOT_CONFIGURED;
    private volatile Backfill backfill;
    private Path dataDirectory;
    private long diskBudget;

    public RecordingRuntime(Clock clock) {
        this.clock = clock;
    }

    /**
     * Records with these settings: reconfigures the running shipper in place, or starts one (when none runs, or
     * the disk budget or data directory changed) and resumes an interrupted backfill. Spooled events stay on disk
     * either way and are delivered by the new shipper.
     */
    public synchronized void record(ShipperSettings settings, HistoryLookup history, BackfillSource backfillSource) {
        try {
            if (shipper != null && settings.diskBudgetBytes() == diskBudget
                    && settings.dataDirectory().equals(dataDirectory)) {
                Shipper current = shipper;
                inPluginClassLoader(() -> {
                    current.reconfigure(settings);
                    return current;
                });
            } else {
                stopShipper();
                shipper = inPluginClassLoader(() -> Shipper.start(settings, history));
                diskBudget = settings.diskBudgetBytes();
                dataDirectory = settings.dataDirectory();
                Backfill.resume(backfillSource, shipper, dataDirectory, clock).ifPresent(this::run);
            }
            state = "Recording builds to " + settings.connection().describeTarget() + ".";
        } catch (SpoolException e) {
            shipper = null;
            state = "Not recording: the spool in " + settings.dataDirectory() + " cannot be opened: " + e.getMessage();
            LOGGER.log(Level.SEVERE, state, e);
        }
    }

    /** Stops recording (disabled, or not configured) and says why; spooled events wait on disk. */
    public synchronized void pause(String reason) {
        stopShipper();
        state = reason;
    }

    /** Spools a finished build's facts; false when nothing records (disabled, not configured). */
    public boolean accept(BuildFacts facts) {
        Shipper current = shipper;
        return current != null && current.accept(facts);
    }

    public boolean recording() {
        return shipper != null;
    }

    /** A finished build could not be read into facts (the plugin logged why). */
    public void countUnread() {
        unread.incrementAndGet();
    }

    /**
     * Starts sending existing builds' history; replaces a running backfill.
     *
     * @throws IllegalStateException when nothing records (disabled or not configured)
     */
    public synchronized BackfillProgress startBackfill(BackfillRequest request, BackfillSource source) {
        if (shipper == null) {
            throw new IllegalStateException("Save a working configuration first: " + state);
        }
        if (backfill != null) {
            backfill.stop();
        }
        run(Backfill.start(request, source, shipper, dataDirectory, clock));
        return backfill.progress();
    }

    private void run(Backfill next) {
        backfill = next;
        Thread thread = new Thread(next, "build-analytics-backfill");
        thread.setDaemon(true);
        thread.setContextClassLoader(Backfill.class.getClassLoader());
        thread.start();
    }

    public RuntimeStatus status() {
        Shipper current = shipper;
        Backfill currentBackfill = backfill;
        return new RuntimeStatus(state, current == null ? null : current.status(), unread.get(),
                currentBackfill == null ? null : currentBackfill.progress());
    }

    /**
     * Checks settings (saved or not) against the engine they name; writes nothing.
     *
     * @param connection builds the connection from the page's values; its message is the verdict when it throws
     * @param naming     reads the page's index prefix, likewise
     */
    public static ConnectionVerdict testConnection(Action<EngineConnection, IllegalArgumentException> connection,
                                                   Action<IndexNaming, IllegalArgumentException> naming) {
        try {
            return inPluginClassLoader(() -> ConnectionTest.run(connection.run(), naming.run(), Backends::open));
        } catch (IllegalArgumentException e) {
            return new ConnectionVerdict(ConnectionVerdict.Level.FAILED, e.getMessage(), List.of(), null, null);
        }
    }

    /** Stops the backfill and the shipper; spooled events wait on disk for the next start. */
    @Override
    public synchronized void close() {
        pause("Stopped.");
    }

    private void stopShipper() {
        if (backfill != null) {
            backfill.stop();
        }
        if (shipper != null) {
            shipper.close();
            shipper = null;
        }
    }

    /** A piece of work that may throw a checked exception of one type. */
    @FunctionalInterface
    public interface Action<T, E extends Exception> {
        T run() throws E;
    }

    /**
     * Runs client-library set-up with the plugin's class loader as the context class loader: the libraries look up
     * service providers through it, and on the CI server's threads it is the server's own, which may find another
     * plugin's copy of a library first.
     */
    public static <T, E extends Exception> T inPluginClassLoader(Action<T, E> action) throws E {
        Thread thread = Thread.currentThread();
        ClassLoader hostLoader = thread.getContextClassLoader();
        thread.setContextClassLoader(RecordingRuntime.class.getClassLoader());
        try {
            return action.run();
        } finally {
            thread.setContextClassLoader(hostLoader);
        }
    }
}
