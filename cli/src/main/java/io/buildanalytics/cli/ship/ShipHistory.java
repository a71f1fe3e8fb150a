package io.buildanalytics.cli.ship;

import io.buildanalytics.model.derive.DeploymentClassifier;
import io.buildanalytics.model.derive.DeploymentRules;
import io.buildanalytics.model.derive.History;
import io.buildanalytics.model.derive.InMemoryHistory;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.shipper.FactsJson;
import io.buildanalytics.shipper.HistoryLookup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The builds earlier {@code ship} runs from this data directory queued, kept in {@code history.ndjson} beside the
 * spool, so that a CI without a plugin gets what the plugins read from their host's history: previous result, red
 * streaks and time to green, flaky suspects, and for deployments the predecessor, lead time per commit and
 * rollbacks. A throw-away data directory has no history, and those fields stay empty.
 *
 * <p>Only the run holding the spool reads and writes the file, so concurrent runs on one directory take turns. It is
 * bounded: past {@link #KEEP_AT_MOST} builds the oldest are dropped, which the derivations' own depth limits make
 * harmless.
 */
final class ShipHistory implements HistoryLookup {

    static final String FILE = "history.ndjson";
    static final int KEEP_AT_MOST = 5_000;
    private static final int KEEP_AFTER_TRIM = 4_000;
    private static final long LOAD_WAIT_SECONDS = 60;

    private final Path file;
    private final DeploymentRules rules;
    private final CountDownLatch loaded = new CountDownLatch(1);
    private volatile InMemoryHistory history;

    ShipHistory(Path dataDirectory, DeploymentRules rules) {
        this.file = dataDirectory.resolve(FILE);
        this.rules = rules;
    }

    /**
     * Reads the file and adds the build being shipped to it; call it once, while holding the spool. Only then do the
     * derivations see the history, which no longer changes in this run, so the delivery thread needs no locking.
     */
    void open(BuildFacts shipping) {
        InMemoryHistory read = new InMemoryHistory(new DeploymentClassifier(rules));
        try {
            int lines = 0;
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        read.record(FactsJson.read(line.getBytes(StandardCharsets.UTF_8)));
                        lines++;
                    } catch (RuntimeException unreadable) {
                        // A line cut short by a crash, or written by another version: that build is not history.
                    }
                }
            }
            read.record(shipping);
            Files.createDirectories(file.getParent());
            Files.write(file, List.of(new String(FactsJson.write(shipping), StandardCharsets.UTF_8)),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            if (lines + 1 > KEEP_AT_MOST) {
                trim();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use the ship history " + file + ": " + e.getMessage(), e);
        } finally {
            history = read;
            loaded.countDown();
        }
    }

    /**
     * The delivery thread may start on events an earlier run left before {@link #open} finished: it waits for the
     * file to be read rather than derive them without history.
     */
    @Override
    public History historyFor(BuildFacts facts) {
        try {
            if (!loaded.await(LOAD_WAIT_SECONDS, TimeUnit.SECONDS)) {
                return History.none();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return History.none();
        }
        return history.before(facts);
    }

    private void trim() throws IOException {
        List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> kept = new ArrayList<>(all.subList(Math.max(0, all.size() - KEEP_AFTER_TRIM), all.size()));
        Path next = file.resolveSibling(FILE + ".next");
        Files.write(next, kept, StandardCharsets.UTF_8);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
