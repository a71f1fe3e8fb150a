package io.buildanalytics.shipper.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file bound in {@link MvStoreSpool}'s javadoc, under the two loads a spool sees: a consumer that keeps up, and
 * an engine outage where nothing is removed and the budget drops the oldest on every append. Without
 * {@link ChunkCompaction} the file reaches about four times the budget here and stays there after catching up.
 */
class SpoolFileSizeTest {

    private static final long BUDGET = 4L << 20;
    private static final int CYCLES = 200_000;
    private static final int PHASE = 25_000;
    private static final long BOUND = MvStoreSpool.FILE_SIZE_FACTOR * BUDGET + (MvStoreSpool.FILE_SIZE_SLACK_MIB << 20);

    @TempDir
    Path directory;

    @Test
    void theFileStaysWithinItsBoundOverManyAppendRemoveCyclesAndShrinksWhenDrained() throws Exception {
        Path file = directory.resolve(MvStoreSpool.FILE_NAME);
        Random random = new Random(42);
        long largest = 0;
        long started = System.nanoTime();
        try (MvStoreSpool spool = MvStoreSpool.open(directory, BUDGET)) {
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                byte[] payload = new byte[500 + random.nextInt(1_000)];
                random.nextBytes(payload);
                spool.append(payload);
                boolean outage = (cycle / PHASE) % 2 == 0;
                if (!outage && cycle % 50 == 0) {
                    // A consumer that keeps up, and catches up on the backlog an outage left.
                    removeOldest(spool, spool.stats().records() > 200 ? 500 : 50);
                }
                if (cycle % 100 == 0) {
                    largest = Math.max(largest, Files.size(file));
                }
            }
            assertThat(spool.stats().dropped()).as("the outages did fill the budget").isPositive();
            assertThat(spool.stats().bytes()).as("the last phase caught up").isLessThan(BUDGET / 10);
            System.out.printf("%d cycles of ~1 KB in %d ms: largest file %d KB (%.2f x the budget of %d KB), "
                            + "%d KB after catching up%n", CYCLES, (System.nanoTime() - started) / 1_000_000,
                    largest / 1024, largest / (double) BUDGET, BUDGET / 1024, Files.size(file) / 1024);
            assertThat(largest).as("largest file size").isLessThanOrEqualTo(BOUND);
            assertThat(Files.size(file)).as("file size after catching up").isLessThan(BUDGET / 4);
        }
    }

    private static void removeOldest(Spool spool, int count) throws SpoolException {
        List<Long> head = spool.oldest(count).stream().map(SpoolRecord::sequence).toList();
        spool.remove(head);
    }
}
