package io.buildanalytics.jenkins.runtime;

import hudson.model.Job;
import hudson.model.Run;
import io.buildanalytics.jenkins.backfill.JobsBackfillSource;
import io.buildanalytics.jenkins.facts.RunReader;
import io.buildanalytics.jenkins.history.JobHistory;
import io.buildanalytics.jenkins.listener.QueueWaits;
import io.buildanalytics.jenkins.settings.FormValues;
import io.buildanalytics.model.derive.History;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.shipper.Shipper;
import io.buildanalytics.shipper.backend.Backends;
import io.buildanalytics.shipper.backfill.Backfill;
import io.buildanalytics.shipper.backfill.BackfillProgress;
import io.buildanalytics.shipper.backfill.BackfillRequest;
import io.buildanalytics.shipper.check.ConnectionTest;
import io.buildanalytics.shipper.check.ConnectionVerdict;
import io.buildanalytics.shipper.settings.ConnectionFactory;
import io.buildanalytics.shipper.settings.FieldRules;
import io.buildanalytics.shipper.spool.SpoolException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The plugin's running parts: the shipper, the run reader and the queue waits, started from the saved
 * configuration and replaced when it changes, without a restart. Finished builds come in through
 * {@link #onFinished}; everything slow happens on the shipper's and the backfill's own threads.
 */
public final class PluginRuntime implements AutoCloseable {

    private static final Logger LOGGER = Logger.getLogger(PluginRuntime.class.getName());

    private final Host host;
    private final QueueWaits queueWaits = new QueueWaits();
    private final AtomicLong unread = new AtomicLong();
    private final Clock clock;
    private volatile Shipper shipper;
    private volatile RunReader reader;
    private volatile String state = "Not configured yet: builds are not recorded until an engine URL is saved.";
    private volatile Backfill backfill;
    private long diskBudget;

    public PluginRuntime(Host host, Clock clock) {
        this.host = host;
        this.clock = clock;
    }

    public QueueWaits queueWaits() {
        return queueWaits;
    }

    /**
     * Applies saved settings: starts the shipper, reconfigures it in place, or stops it when the plugin is
     * disabled. Events already spooled stay on disk in every case and are delivered once a shipper runs again.
     *
     * @throws IllegalArgumentException when a value is invalid; nothing changes then
     */
    public synchronized void apply(FormValues values) {
        if (!values.enabled()) {
            stopShipper();
            state = "Disabled: builds are not recorded.";
            return;
        }
        if (values.urls() == null || values.urls().isBlank()) {
            stopShipper();
            state = "Not configured yet: builds are not recorded until an engine URL is saved.";
            return;
        }
        Configured configured = Configured.from(values, host);
        long budget = configured.shipperSettings().diskBudgetBytes();
        reader = configured.reader();
        try {
            if (shipper != null && budget == diskBudget) {
                Shipper current = shipper;
                inPluginClassLoader(() -> {
                    current.reconfigure(configured.shipperSettings());
                    return current;
                });
            } else {
                stopShipper();
                shipper = startShipper(configured);
                diskBudget = budget;
                resumeBackfill();
            }
            state = "Recording builds to " + configured.shipperSettings().connection().describeTarget() + ".";
        } catch (SpoolException e) {
            shipper = null;
            state = "Not recording: the spool in " + host.dataDirectory() + " cannot be opened: " + e.getMessage();
            LOGGER.log(Level.SEVERE, state, e);
        }
    }

    private Shipper startShipper(Configured configured) throws SpoolException {
        return inPluginClassLoader(() -> Shipper.start(configured.shipperSettings(), this::historyFor));
    }

    private interface Action<T, E extends Exception> {
        T run() throws E;
    }

    /**
     * Runs client-library set-up with this plugin's class loader as the context class loader: the libraries look
     * up service providers through it, and on Jenkins' threads it is Jenkins' own, which may find another
     * plugin's copy of a library first.
     */
    private static <T, E extends Exception> T inPluginClassLoader(Action<T, E> action) throws E {
        Thread thread = Thread.currentThread();
        ClassLoader hostLoader = thread.getContextClassLoader();
        thread.setContextClassLoader(PluginRuntime.class.getClassLoader());
        try {
            return action.run();
        } finally {
            thread.setContextClassLoader(hostLoader);
        }
    }

    /** Called on the build's thread when a run is finalized: reads it and spools it, or does nothing. */
    public void onFinished(Run<?, ?> run) {
        Shipper current = shipper;
        RunReader currentReader = reader;
        if (current == null || currentReader == null) {
            return;
        }
        Optional<BuildFacts> facts;
        try {
            facts = currentReader.read(run, queueWaits.take(run.getQueueId()).orElse(null));
        } catch (RuntimeException | LinkageError e) {
            unread.incrementAndGet();
            LOGGER.log(Level.WARNING, "Build Analytics could not read " + describe(run) + "; no event is sent for it", e);
            return;
        }
        facts.ifPresent(current::accept);
    }

    /** Earlier builds of the run's job, read on the delivery thread. */
    History historyFor(BuildFacts facts) {
        RunReader currentReader = reader;
        Job<?, ?> job = host.job(facts.pipeline().id());
        if (currentReader == null || job == null) {
            return History.none();
        }
        try {
            return JobHistory.of(job, Integer.parseInt(facts.run().number()), currentReader);
        } catch (NumberFormatException e) {
            return History.none();
        }
    }

    /** Checks the values on the page (saved or not) against the engine they name; writes nothing. */
    public ConnectionVerdict testConnection(FormValues values) {
        try {
            return inPluginClassLoader(() -> ConnectionTest.run(ConnectionFactory.connection(values.connection(),
                    host.credential(values.credentialsId()), host.proxy()), FieldRules.indexPrefix(values.indexPrefix()),
                    Backends::open));
        } catch (IllegalArgumentException e) {
            return new ConnectionVerdict(ConnectionVerdict.Level.FAILED, e.getMessage(), List.of(), null, null);
        }
    }

    /**
     * Starts sending existing builds' history; replaces a running backfill.
     *
     * @throws IllegalStateException when no shipper runs (disabled or not configured)
     */
    public synchronized BackfillProgress startBackfill(BackfillRequest request) {
        if (shipper == null) {
            throw new IllegalStateException("Save a working configuration first: " + state);
        }
        if (backfill != null) {
            backfill.stop();
        }
        backfill = Backfill.start(request, new JobsBackfillSource(host, reader), shipper, host.dataDirectory(),
                clock);
        startThread(backfill);
        return backfill.progress();
    }

    private void resumeBackfill() {
        Backfill.resume(new JobsBackfillSource(host, reader), shipper, host.dataDirectory(), clock).ifPresent(resumed -> {
            backfill = resumed;
            startThread(resumed);
        });
    }

    private static void startThread(Backfill backfill) {
        Thread thread = new Thread(backfill, "build-analytics-backfill");
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

    /** Stops the backfill and the shipper; spooled events wait on disk for the next start. */
    @Override
    public synchronized void close() {
        stopShipper();
        state = "Stopped.";
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

    private static String describe(Run<?, ?> run) {
        try {
            return run.getParent().getFullName() + " #" + run.getNumber();
        } catch (RuntimeException e) {
            return "a build";
        }
    }
}
