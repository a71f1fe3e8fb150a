package io.buildanalytics.shipper.backfill;

import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.shipper.Shipper;
import io.buildanalytics.shipper.ShipperStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the history of existing jobs through the same reader and shipper as finished builds, on its own thread
 * (the plugin's {@link BackfillSource} reads its host's builds into facts).
 * It waits whenever the spool is half full, so it never pushes live builds' events out of the disk budget, and it
 * records finished jobs in a checkpoint so a restart resumes it. Running it twice is safe: every build's event id
 * is deterministic, so a second send overwrites the first.
 */
public final class Backfill implements Runnable {

    private static final Logger LOGGER = Logger.getLogger(Backfill.class.getName());
    public static final String CHECKPOINT_FILE = "backfill-checkpoint.txt";
    private static final Duration PAUSE = Duration.ofMillis(200);

    private final BackfillRequest request;
    private final Set<String> alreadyDone;
    private final BackfillSource source;
    private final Shipper shipper;
    private final BackfillCheckpoint checkpoint;
    private final Clock clock;
    private final Instant startedAt;
    private volatile boolean stopping;
    private volatile BackfillProgress progress;

    private Backfill(BackfillRequest request, Set<String> alreadyDone, BackfillSource source, Shipper shipper,
                     Path dataDirectory, Clock clock) {
        this.request = request;
        this.alreadyDone = alreadyDone;
        this.source = source;
        this.shipper = shipper;
        this.checkpoint = new BackfillCheckpoint(dataDirectory.resolve(CHECKPOINT_FILE));
        this.clock = clock;
        this.startedAt = clock.instant();
        this.progress = running(0, 0, 0);
    }

    /** A new backfill; it replaces any unfinished one. */
    public static Backfill start(BackfillRequest request, BackfillSource source, Shipper shipper, Path dataDirectory,
                                 Clock clock) {
        Backfill backfill = new Backfill(request, Set.of(), source, shipper, dataDirectory, clock);
        backfill.checkpoint.begin(request);
        return backfill;
    }

    /** The backfill a restart interrupted, if there is one. */
    public static Optional<Backfill> resume(BackfillSource source, Shipper shipper, Path dataDirectory, Clock clock) {
        return new BackfillCheckpoint(dataDirectory.resolve(CHECKPOINT_FILE)).read()
                .map(saved -> new Backfill(saved.request(), saved.doneJobs(), source, shipper, dataDirectory, clock));
    }

    public BackfillProgress progress() {
        return progress;
    }

    /** Asks the backfill to stop after the build it is reading; the checkpoint stays for the next start. */
    public void stop() {
        stopping = true;
    }

    @Override
    public void run() {
        List<String> selected = new ArrayList<>();
        long sent = 0;
        int done = 0;
        try {
            for (String pipeline : source.pipelines()) {
                if (request.matches(pipeline)) {
                    selected.add(pipeline);
                }
            }
            selected.sort(null);
            Instant since = request.lastDays() == 0 ? Instant.EPOCH
                    : clock.instant().minus(Duration.ofDays(request.lastDays()));
            for (String pipeline : selected) {
                if (alreadyDone.contains(pipeline)) {
                    done++;
                    continue;
                }
                progress = running(selected.size(), done, sent);
                for (Iterator<BuildFacts> runs = source.runs(pipeline, since); runs.hasNext(); ) {
                    waitForRoom();
                    if (stopping) {
                        progress = ended(BackfillProgress.State.STOPPED, selected.size(), done, sent, null);
                        return;
                    }
                    if (shipper.accept(runs.next()) && ++sent % 100 == 0) {
                        progress = running(selected.size(), done, sent);
                    }
                }
                checkpoint.jobDone(pipeline);
                done++;
            }
            checkpoint.finish();
            progress = ended(BackfillProgress.State.FINISHED, selected.size(), done, sent, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            progress = ended(BackfillProgress.State.STOPPED, selected.size(), done, sent, null);
        } catch (RuntimeException | LinkageError e) {
            LOGGER.log(Level.WARNING, "Build Analytics backfill failed", e);
            progress = ended(BackfillProgress.State.FAILED, selected.size(), done, sent, e.toString());
        }
    }

    /** Leaves half the spool's budget to live builds: waits while the spool is fuller than that. */
    private void waitForRoom() throws InterruptedException {
        while (!stopping) {
            ShipperStatus status = shipper.status();
            if (status.queuedBytes() < status.budgetBytes() / 2) {
                return;
            }
            Thread.sleep(PAUSE.toMillis());
        }
    }

    private BackfillProgress running(int total, int done, long sent) {
        return progress(BackfillProgress.State.RUNNING, total, done, sent, null, null);
    }

    private BackfillProgress ended(BackfillProgress.State state, int total, int done, long sent, String message) {
        return progress(state, total, done, sent, clock.instant(), message);
    }

    private BackfillProgress progress(BackfillProgress.State state, int total, int done, long sent, Instant finishedAt,
                                      String message) {
        String pipelines = source.pipelineNoun();
        return new BackfillProgress(state, request.describe(pipelines), pipelines, total, done, sent, startedAt,
                finishedAt, message);
    }
}
