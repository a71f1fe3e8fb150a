package io.buildanalytics.shipper.delivery;

import io.buildanalytics.model.event.BuildEventFactory;
import io.buildanalytics.shipper.HistoryLookup;
import io.buildanalytics.shipper.ShipperSettings;
import io.buildanalytics.shipper.backend.Backend;
import io.buildanalytics.shipper.backend.BackendException;
import io.buildanalytics.shipper.backend.BulkItem;
import io.buildanalytics.shipper.backend.BulkItemResult;
import io.buildanalytics.shipper.spool.Spool;
import io.buildanalytics.shipper.spool.SpoolException;
import io.buildanalytics.shipper.spool.SpoolRecord;
import io.buildanalytics.shipper.template.TemplateInstaller;
import io.buildanalytics.shipper.template.TemplateStatus;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;

/**
 * The one thread that drains the spool into the engine: waits for a batch (or the linger time), turns facts into
 * events, sends one {@code _bulk} request, then removes from the spool exactly what the engine took or refused
 * for good. Anything else stays in the spool and is sent again after a backoff; since every event has a fixed
 * index and id, sending again overwrites and never duplicates.
 *
 * <p>Before the first batch, and again after any failed request (the engine may have been replaced meanwhile),
 * it reads the engine's version and makes sure the index template is there, so no event is ever indexed with
 * guessed mappings.
 *
 * <p>While one batch's request is in flight, the next full batch, when one is already waiting, is read and turned
 * into events on a second thread, so the engine's time and ours overlap instead of adding up (turning facts into
 * events takes about as long as the engine takes to index them). That batch stays in the spool like any other
 * until the engine has taken it, and is simply read again when the request before it failed.
 */
public final class Delivery implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Delivery.class.getName());
    private static final Duration IDLE_WAIT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final ShipperSettings settings;
    private final Spool spool;
    private final Backend backend;
    private final EventAssembler assembler;
    private final DeadLetters deadLetters;
    private final DeliveryCounters counters;
    private final TemplateInstaller templates;
    private final Backoff backoff;
    private final Wakeup wakeup = new Wakeup();
    private final EngineCalls calls = new EngineCalls();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final Thread thread;
    private final ExecutorService readAheadThread;
    private volatile boolean prepared;

    public Delivery(ShipperSettings settings, Spool spool, Backend backend, HistoryLookup historyLookup,
                    DeadLetters deadLetters, DeliveryCounters counters, RandomGenerator random) {
        this.settings = settings;
        this.spool = spool;
        this.backend = backend;
        this.assembler = new EventAssembler(new BuildEventFactory(settings.sender(), settings.rules(),
                settings.naming(), Clock.systemUTC()), historyLookup);
        this.deadLetters = deadLetters;
        this.counters = counters;
        this.templates = new TemplateInstaller(settings.naming());
        this.backoff = new Backoff(settings.minBackoff(), settings.maxBackoff(), random);
        this.thread = new Thread(this::run, "build-analytics-delivery");
        this.thread.setDaemon(true);
        this.thread.setContextClassLoader(Delivery.class.getClassLoader());
        this.readAheadThread = Executors.newSingleThreadExecutor(task -> {
            Thread assembling = new Thread(task, "build-analytics-read-ahead");
            assembling.setDaemon(true);
            assembling.setContextClassLoader(Delivery.class.getClassLoader());
            return assembling;
        });
    }

    public void start() {
        thread.start();
    }

    /** A new record is waiting. Never blocks for longer than a monitor hand-over. */
    public void wake() {
        wakeup.signal();
    }

    /** Checks and, if needed, installs the index template now (the admin page's button). */
    public TemplateStatus installTemplate() throws BackendException {
        TemplateStatus now = templates.ensure(backend);
        counters.template(now);
        return now;
    }

    /** Stops the thread, aborting a request in progress; what was not acknowledged stays in the spool. */
    @Override
    public void close() {
        if (stopping.getCount() == 0) {
            return;
        }
        stopping.countDown();
        wakeup.signal();
        calls.close();
        readAheadThread.shutdown();
        try {
            thread.join(STOP_TIMEOUT.toMillis());
            // A batch still being read ahead finishes first: a replacement delivery (reconfigure) must not ask
            // the host's history lookup while this one still does.
            readAheadThread.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive() || !readAheadThread.isTerminated()) {
            LOG.warning("The delivery threads did not stop within " + STOP_TIMEOUT.toSeconds() + " s");
        }
        backend.close();
    }

    private boolean running() {
        return stopping.getCount() > 0;
    }

    private void run() {
        Future<Assembly> ahead = null;
        while (running()) {
            try {
                if (!prepared && !prepare()) {
                    continue;
                }
                Assembly batch;
                if (ahead != null) {
                    batch = await(ahead);
                    ahead = null;
                } else {
                    List<SpoolRecord> records = nextBatch();
                    if (records.isEmpty()) {
                        continue;
                    }
                    batch = Assembly.of(records, assembler);
                }
                List<Pending> pending = keepReadable(batch);
                ahead = readAhead(batch.lastSequence());
                if (!deliver(pending)) {
                    ahead = discard(ahead);
                }
            } catch (RuntimeException | LinkageError unexpected) {
                ahead = discard(ahead);
                // A bug must not end the thread: the spool keeps everything, and the next round tries again.
                LOG.log(Level.SEVERE, "Unexpected error while delivering build events", unexpected);
                counters.problem("Unexpected error while delivering: " + unexpected + " (details in the server log)");
                pause(backoff.next());
            }
        }
        discard(ahead);
    }

    /**
     * Starts turning the batch after {@code lastSequence} into events, when a whole batch is already waiting:
     * a partly filled one waits for the linger time instead, in {@link #nextBatch}.
     */
    private Future<Assembly> readAhead(long lastSequence) {
        if (!running() || spool.stats().records() < 2L * settings.batchSize()) {
            return null;
        }
        List<SpoolRecord> records = withinByteLimit(spool.oldestAfter(lastSequence, settings.batchSize()));
        if (records.size() < settings.batchSize()) {
            return null;
        }
        try {
            return readAheadThread.submit(() -> Assembly.of(records, assembler));
        } catch (RejectedExecutionException stopping) {
            return null;
        }
    }

    private Assembly await(Future<Assembly> ahead) {
        try {
            return ahead.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the next batch was assembled", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LinkageError linkage) {
                throw linkage;
            }
            throw new IllegalStateException("Assembling the next batch failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Drops a batch read ahead; its records are still in the spool and are read again. Not interrupted: the host's
     * history lookup may be in the middle of reading build records.
     */
    private static Future<Assembly> discard(Future<Assembly> ahead) {
        if (ahead != null) {
            ahead.cancel(false);
        }
        return null;
    }

    private boolean prepare() {
        try {
            readEngineInfo();
            counters.template(calls.run(this::ensureTemplate));
            prepared = true;
            return true;
        } catch (BackendException e) {
            if (running()) {
                Duration wait = waitAfter(e);
                counters.problem(e.getMessage() + " Events stay queued; next attempt in " + describe(wait) + ".");
                pause(wait);
            }
            return false;
        }
    }

    /**
     * Installs the template when it is missing or older, as far as the credentials allow. A least-privileged user
     * may be unable to read it (then an admin is trusted to have installed it) or to replace an older one (then
     * events go on with the older one and the status says so); a missing template that cannot be installed stops
     * delivery, because events indexed without it would get guessed mappings for good.
     *
     * @return the template's state, or null when it could not be read
     */
    private TemplateStatus ensureTemplate() throws BackendException {
        TemplateStatus status;
        try {
            status = templates.inspect(backend);
        } catch (BackendException e) {
            if (e.problem() != BackendException.Problem.AUTHORIZATION) {
                throw e;
            }
            LOG.warning("Cannot read the index template, so it is assumed to be installed: " + e.getMessage());
            return null;
        }
        if (status.usable()) {
            return status;
        }
        TemplateStatus installed;
        try {
            installed = templates.install(backend);
        } catch (BackendException e) {
            if (e.problem() != BackendException.Problem.AUTHORIZATION
                    || status.state() != TemplateStatus.State.OUTDATED) {
                throw e;
            }
            counters.problem(status.sentence() + " But it could not be replaced: " + e.getMessage()
                    + " Events are sent with the older template until an admin installs the new one.");
            return status;
        }
        LOG.info("Installed the build event index template: " + status.sentence());
        return installed;
    }

    /** A least-privileged user may not read the version (no {@code monitor}); delivery does not need it. */
    private void readEngineInfo() throws BackendException {
        try {
            counters.engine(calls.run(backend::info));
        } catch (BackendException e) {
            if (e.problem() != BackendException.Problem.AUTHORIZATION) {
                throw e;
            }
        }
    }

    private List<SpoolRecord> nextBatch() {
        long lingerStart = -1;
        while (running()) {
            long waiting = spool.stats().records();
            if (waiting >= settings.batchSize()) {
                return withinByteLimit(spool.oldest(settings.batchSize()));
            }
            if (waiting > 0) {
                long now = System.nanoTime();
                lingerStart = lingerStart < 0 ? now : lingerStart;
                long left = settings.linger().toNanos() - (now - lingerStart);
                if (left <= 0) {
                    return withinByteLimit(spool.oldest(settings.batchSize()));
                }
                wakeup.await(Duration.ofNanos(left));
            } else {
                lingerStart = -1;
                wakeup.await(IDLE_WAIT);
            }
        }
        return List.of();
    }

    private List<SpoolRecord> withinByteLimit(List<SpoolRecord> records) {
        List<SpoolRecord> batch = new ArrayList<>();
        long bytes = 0;
        for (SpoolRecord record : records) {
            bytes += record.payload().length;
            if (!batch.isEmpty() && bytes > settings.maxBatchBytes()) {
                break;
            }
            batch.add(record);
        }
        return batch;
    }

    /** Sends the batch; returns false when some of it stays in the spool to be sent again. */
    private boolean deliver(List<Pending> pending) {
        int chunkSize = Math.max(1, pending.size());
        int from = 0;
        while (from < pending.size() && running()) {
            List<Pending> attempt = pending.subList(from, Math.min(pending.size(), from + chunkSize));
            counters.inFlight(attempt.size());
            try {
                List<BulkItem> items = items(attempt);
                List<BulkItemResult> results = calls.run(() -> backend.bulk(items));
                if (!settle(attempt, results)) {
                    return false;
                }
                from += attempt.size();
            } catch (BackendException e) {
                if (e.problem() == BackendException.Problem.TOO_LARGE && attempt.size() > 1) {
                    chunkSize = Math.max(1, attempt.size() / 2);
                    continue;
                }
                if (e.problem() == BackendException.Problem.TOO_LARGE) {
                    // Alone and still too large: no resend can succeed, so it must not hold up the queue.
                    Pending alone = attempt.get(0);
                    if (!deadLetter(alone, 413, "request_too_large", e.getMessage())
                            || !remove(List.of(alone.sequence()))) {
                        return false;
                    }
                    from += 1;
                    continue;
                }
                failed(e, attempt.size());
                return false;
            } finally {
                counters.inFlight(0);
            }
        }
        backoff.reset();
        return running();
    }

    /** Removes what is settled; returns false (after a backoff) when some items must be sent again. */
    private boolean settle(List<Pending> attempt, List<BulkItemResult> results) {
        List<Long> settled = new ArrayList<>();
        long sent = 0;
        long retry = 0;
        String retryReason = null;
        for (int i = 0; i < attempt.size(); i++) {
            Pending item = attempt.get(i);
            BulkItemResult result = results.get(i);
            if (result.succeeded()) {
                settled.add(item.sequence());
                sent++;
            } else if (result.permanentlyRejected()) {
                if (deadLetter(item, result.status(), result.errorType(), result.reason())) {
                    settled.add(item.sequence());
                }
            } else {
                retry++;
                retryReason = result.status() + " " + result.errorType() + ": " + result.reason();
            }
        }
        if (!remove(settled)) {
            return false;
        }
        if (sent > 0) {
            counters.sent(sent);
        }
        if (retry > 0) {
            counters.retried(retry);
            Duration wait = backoff.next();
            counters.problem("The engine could not take " + retry + " of " + attempt.size() + " events right now ("
                    + retryReason + "). Next attempt in " + describe(wait) + ".");
            pause(wait);
            return false;
        }
        return true;
    }

    private void failed(BackendException e, int attempted) {
        if (!running()) {
            return;
        }
        prepared = false;
        counters.retried(attempted);
        Duration wait = waitAfter(e);
        counters.problem("Could not deliver " + attempted + (attempted == 1 ? " event: " : " events: ")
                + e.getMessage() + " Events stay queued; next attempt in " + describe(wait) + ".");
        pause(wait);
    }

    /** Dead-letters the records that could not become events; returns the others, ready to send. */
    private List<Pending> keepReadable(Assembly batch) {
        List<Long> unreadable = new ArrayList<>();
        for (Unreadable record : batch.unreadable()) {
            String reason = "Could not build an event from the spooled facts: " + record.reason();
            try {
                deadLetters.unreadable(record.record().sequence(), reason, record.record().payload());
                unreadable.add(record.record().sequence());
                counters.deadLettered(1);
                counters.problem(reason + " (kept in " + deadLetters.file() + ")");
            } catch (IOException io) {
                counters.problem("Could not write the dead-letter file " + deadLetters.file() + ": " + io.getMessage());
            }
        }
        remove(unreadable);
        return batch.pending();
    }

    private boolean deadLetter(Pending item, int status, String errorType, String reason) {
        try {
            deadLetters.rejected(item.item().index(), item.item().id(), status, errorType, reason, item.item().json());
            counters.deadLettered(1);
            counters.problem("The engine refused event " + item.item().id() + " for good (" + status + " " + errorType
                    + ": " + reason + "). It is kept in " + deadLetters.file() + ".");
            return true;
        } catch (IOException io) {
            counters.problem("Could not write the dead-letter file " + deadLetters.file() + ": " + io.getMessage()
                    + ". The refused event stays queued.");
            return false;
        }
    }

    private boolean remove(List<Long> sequences) {
        if (sequences.isEmpty()) {
            return true;
        }
        try {
            spool.remove(sequences);
            return true;
        } catch (SpoolException e) {
            counters.problem("Could not update the spool: " + e.getMessage());
            pause(backoff.next());
            return false;
        }
    }

    private Duration waitAfter(BackendException e) {
        return e.problem().isTransient() ? backoff.next() : backoff.longest();
    }

    private void pause(Duration wait) {
        try {
            stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping.countDown();
        }
    }

    private static List<BulkItem> items(List<Pending> pending) {
        List<BulkItem> items = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            items.add(p.item());
        }
        return items;
    }

    private static String describe(Duration wait) {
        long seconds = wait.toSeconds();
        return seconds < 1 ? wait.toMillis() + " ms" : seconds < 120 ? seconds + " s" : wait.toMinutes() + " min";
    }

    private record Pending(long sequence, BulkItem item) {
    }

    private record Unreadable(SpoolRecord record, String reason) {
    }

    /**
     * A batch turned into events, with the records that could not be; only reads the records and the history, so
     * it may run on the read-ahead thread. One batch at a time: an assembly holds the assembler's lock, so the
     * host's history lookup is never asked from two threads at once, even while a discarded one finishes.
     */
    private record Assembly(List<Pending> pending, List<Unreadable> unreadable, long lastSequence) {

        static Assembly of(List<SpoolRecord> records, EventAssembler assembler) {
            List<Pending> pending = new ArrayList<>(records.size());
            List<Unreadable> unreadable = new ArrayList<>();
            synchronized (assembler) {
                for (SpoolRecord record : records) {
                    try {
                        pending.add(new Pending(record.sequence(), assembler.assemble(record.payload())));
                    } catch (RuntimeException e) {
                        unreadable.add(new Unreadable(record, e.getMessage()));
                    }
                }
            }
            return new Assembly(pending, unreadable, records.get(records.size() - 1).sequence());
        }
    }
}
