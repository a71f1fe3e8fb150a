package io.buildanalytics.shipper;

import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.shipper.backend.Backend;
import io.buildanalytics.shipper.backend.BackendException;
import io.buildanalytics.shipper.backend.Backends;
import io.buildanalytics.shipper.check.ConnectionTest;
import io.buildanalytics.shipper.check.ConnectionVerdict;
import io.buildanalytics.shipper.connection.EngineConnection;
import io.buildanalytics.shipper.delivery.DeadLetters;
import io.buildanalytics.shipper.delivery.Delivery;
import io.buildanalytics.shipper.delivery.DeliveryCounters;
import io.buildanalytics.shipper.spool.MvStoreSpool;
import io.buildanalytics.shipper.spool.SpoolException;
import io.buildanalytics.shipper.spool.SpoolStats;
import io.buildanalytics.shipper.template.TemplateStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one entry point both plugins and the command line use. {@link #accept} is what a build-finished callback
 * calls: it writes the facts to the durable spool and returns, without network I/O and without ever throwing.
 * A background thread delivers; {@link #status} shows what happened; {@link #close} stops cleanly and a later
 * {@link #start} on the same data directory resumes where it stopped.
 */
public final class Shipper implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Shipper.class.getName());
    private static final long DEAD_LETTER_FILE_LIMIT = 32L * 1024 * 1024;

    private final MvStoreSpool spool;
    private final DeadLetters deadLetters;
    private final DeliveryCounters counters = new DeliveryCounters();
    private final HistoryLookup historyLookup;
    private final Function<EngineConnection, Backend> backends;
    private volatile ShipperSettings settings;
    private volatile Delivery delivery;
    private volatile boolean closed;

    private Shipper(ShipperSettings settings, MvStoreSpool spool, HistoryLookup historyLookup,
                    Function<EngineConnection, Backend> backends) {
        this.settings = settings;
        this.spool = spool;
        this.historyLookup = historyLookup;
        this.backends = backends;
        this.deadLetters = new DeadLetters(settings.dataDirectory(), DEAD_LETTER_FILE_LIMIT);
    }

    /**
     * Opens the spool in the settings' data directory and starts delivering what it holds.
     *
     * @throws SpoolException when the spool cannot be opened (another process holds it, the disk refuses)
     */
    public static Shipper start(ShipperSettings settings, HistoryLookup historyLookup) throws SpoolException {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(historyLookup, "historyLookup");
        MvStoreSpool spool = MvStoreSpool.open(settings.dataDirectory().resolve("spool"), settings.diskBudgetBytes());
        Shipper shipper = new Shipper(settings, spool, historyLookup, Backends::open);
        shipper.delivery = shipper.newDelivery(settings);
        shipper.delivery.start();
        return shipper;
    }

    /**
     * Spools one finished run. Never throws and never touches the network; returns false when the facts could not
     * be spooled (the reason is in {@link #status()} and the rejected count).
     */
    public boolean accept(BuildFacts facts) {
        try {
            if (closed) {
                counters.countRejected();
                counters.problem("A build finished while the shipper was stopped; its event was not recorded.");
                return false;
            }
            spool.append(FactsJson.write(facts));
            delivery.wake();
            return true;
        } catch (SpoolException e) {
            return rejected(facts, e.getMessage(), e);
        } catch (RuntimeException | LinkageError e) {
            return rejected(facts, e.toString(), e);
        }
    }

    public ShipperStatus status() {
        SpoolStats spooled = spool.stats();
        return new ShipperStatus(spooled.records(), spooled.bytes(), spooled.budgetBytes(), counters.inFlight(),
                counters.sent(), counters.retried(), counters.deadLettered(), spooled.dropped(), counters.rejected(),
                counters.lastSuccess(), counters.lastError(), counters.engine(), counters.template(),
                deadLetters.file(), warnings(spooled));
    }

    private List<String> warnings(SpoolStats spooled) {
        List<String> warnings = new ArrayList<>();
        if (spooled.dropped() > 0) {
            warnings.add(spooled.dropped() + " events were dropped, oldest first, because the spool reached its "
                    + "disk budget of " + spooled.budgetBytes() / (1024 * 1024) + " MB while the engine was not "
                    + "taking events. Raise the budget if outages last longer than it can hold.");
        }
        if (!settings.connection().tls().verify()) {
            warnings.add("TLS certificate verification is OFF: anyone between this server and the engine can read "
                    + "and change the events and the credentials. Configure the engine's CA certificate instead.");
        }
        spool.setAside().ifPresent(file -> warnings.add(file.message()));
        return warnings;
    }

    /** Checks the configured engine now, with the connection's timeouts; for the admin page's button. */
    public ConnectionVerdict testConnection() {
        return ConnectionTest.run(settings.connection(), settings.naming(), backends);
    }

    /** Installs or updates the index template now, instead of waiting for the next delivery. */
    public TemplateStatus installTemplate() throws BackendException {
        return delivery.installTemplate();
    }

    /**
     * Applies new settings without a restart: the delivery thread is replaced, the spool and counters stay. The
     * data directory and disk budget are fixed for the life of the shipper; a change to them needs
     * {@link #close()} and a new {@link #start}.
     */
    public synchronized void reconfigure(ShipperSettings next) {
        Objects.requireNonNull(next, "next");
        if (!next.dataDirectory().equals(settings.dataDirectory()) || next.diskBudgetBytes() != settings.diskBudgetBytes()) {
            throw new IllegalArgumentException("The data directory and the disk budget change only on restart");
        }
        if (closed) {
            throw new IllegalStateException("The shipper is stopped");
        }
        Delivery replacement = newDelivery(next);
        delivery.close();
        settings = next;
        delivery = replacement;
        replacement.start();
    }

    public ShipperSettings settings() {
        return settings;
    }

    /** Stops delivery (a request in progress is abandoned and sent again after restart) and closes the spool. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        delivery.close();
        spool.close();
    }

    private Delivery newDelivery(ShipperSettings forSettings) {
        return new Delivery(forSettings, spool, backends.apply(forSettings.connection()), historyLookup, deadLetters,
                counters, new SplittableRandom());
    }

    private boolean rejected(BuildFacts facts, String reason, Throwable error) {
        try {
            counters.countRejected();
            String run = facts == null ? "a build" : facts.run().id();
            counters.problem("The event of " + run + " could not be queued: " + reason);
            LOG.log(Level.WARNING, "Build Analytics could not queue the event of " + run, error);
        } catch (RuntimeException ignored) {
            // Reporting must not throw into the host either.
        }
        return false;
    }
}
