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
import io.buildanalytics.shipper.backfill.BackfillProgress;
import io.buildanalytics.shipper.backfill.BackfillRequest;
import io.buildanalytics.shipper.check.ConnectionVerdict;
import io.buildanalytics.shipper.runtime.RecordingRuntime;
import io.buildanalytics.shipper.runtime.RuntimeStatus;
import io.buildanalytics.shipper.settings.ConnectionFactory;
import io.buildanalytics.shipper.settings.FieldRules;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Jenkins side of recording: the run reader and the queue waits, around the shared {@link RecordingRuntime}
 * (shipper, backfill, status), started from the saved configuration and replaced when it changes, without a
 * restart. Finished builds come in through {@link #onFinished}; everything slow happens on the shipper's and the
 * backfill's own threads.
 */
public final class PluginRuntime implements AutoCloseable {

    private static final Logger LOGGER = Logger.getLogger(PluginRuntime.class.getName());

    private final Host host;
    private final QueueWaits queueWaits = new QueueWaits();
    private final RecordingRuntime recording;
    private volatile RunReader reader;

    public PluginRuntime(Host host, Clock clock) {
        this.host = host;
        this.recording = new RecordingRuntime(clock);
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
            recording.pause("Disabled: builds are not recorded.");
            return;
        }
        if (values.urls() == null || values.urls().isBlank()) {
            recording.pause(RecordingRuntime.NOT_CONFIGURED);
            return;
        }
        Configured configured = Configured.from(values, host);
        reader = configured.reader();
        recording.record(configured.shipperSettings(), this::historyFor, backfillSource());
    }

    /** Called on the build's thread when a run is finalized: reads it and spools it, or does nothing. */
    public void onFinished(Run<?, ?> run) {
        RunReader currentReader = reader;
        if (!recording.recording() || currentReader == null) {
            return;
        }
        Optional<BuildFacts> facts;
        try {
            facts = currentReader.read(run, queueWaits.take(run.getQueueId()).orElse(null));
        } catch (RuntimeException | LinkageError e) {
            recording.countUnread();
            LOGGER.log(Level.WARNING, "Build Analytics could not read " + describe(run) + "; no event is sent for it", e);
            return;
        }
        facts.ifPresent(recording::accept);
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
        return RecordingRuntime.testConnection(() -> ConnectionFactory.connection(values.connection(),
                host.credential(values.credentialsId()), host.proxy()), () -> FieldRules.indexPrefix(values.indexPrefix()));
    }

    /**
     * Starts sending existing builds' history; replaces a running backfill.
     *
     * @throws IllegalStateException when no shipper runs (disabled or not configured)
     */
    public BackfillProgress startBackfill(BackfillRequest request) {
        return recording.startBackfill(request, backfillSource());
    }

    private JobsBackfillSource backfillSource() {
        return new JobsBackfillSource(host, reader);
    }

    public RuntimeStatus status() {
        return recording.status();
    }

    /** Stops the backfill and the shipper; spooled events wait on disk for the next start. */
    @Override
    public void close() {
        recording.close();
    }

    private static String describe(Run<?, ?> run) {
        try {
            return run.getParent().getFullName() + " #" + run.getNumber();
        } catch (RuntimeException e) {
            return "a build";
        }
    }
}
