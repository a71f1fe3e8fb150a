package io.buildanalytics.shipper.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durability contract against {@code kill -9}: a child JVM appends (and in every other round also removes)
 * records and prints each acknowledgement; the test kills it with SIGKILL at a random moment, and after every
 * round opens the spool and checks that every acknowledged record is there, unchanged and in order, that nothing
 * removed came back, and that sequences continue. The kill lands wherever it lands, so a rare bad moment is found
 * only in some runs; {@link SpoolTornWriteTest} replays the one that found an MVStore bug, every time.
 */
class SpoolKillTest {

    private static final long BUDGET = 64L << 20;
    private static final int ROUNDS = 10;
    /** Counters of round r start at r times this, so a record tells which round wrote it. */
    private static final long ROUND_STRIDE = 1_000_000;
    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path directory;

    @TempDir
    Path scratch;

    private final Map<Long, Long> ackedCounterBySequence = new HashMap<>();
    private final long[] lastAckedSequenceByRound = new long[ROUNDS];
    private final Set<Long> removalStarted = new HashSet<>();
    private final Set<Long> removalFinished = new HashSet<>();

    @Test
    void everyAcknowledgedRecordSurvivesSigkillAtRandomMoments() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        long highestSequenceSoFar = 0;
        for (int round = 0; round < ROUNDS; round++) {
            boolean consume = round % 2 == 1;
            int killAfterAcks = 100 + random.nextInt(1_500);
            String context = "seed " + seed + ", round " + round + (consume ? " (with consumer)" : "");
            int removedBefore = removalFinished.size();

            long firstSequence = runAndKill(round, consume, killAfterAcks, context);

            assertThat(firstSequence).as("first sequence after reopening, %s", context)
                    .isGreaterThan(highestSequenceSoFar);
            if (consume) {
                assertThat(removalFinished.size()).as("removals completed, %s", context).isGreaterThan(removedBefore);
            }
            highestSequenceSoFar = verifySpool(context);
        }
        try (MvStoreSpool spool = MvStoreSpool.open(directory, BUDGET)) {
            assertThat(spool.append(new byte[] {1})).isGreaterThan(highestSequenceSoFar);
        }
    }

    /** @return the first sequence acknowledged in this round */
    private long runAndKill(int round, boolean consume, int killAfterAcks, String context) throws Exception {
        long[] firstSequence = {-1};
        try (ChildJvm child = ChildJvm.start(scratch.resolve("round-" + round + ".err"),
                consume ? "write-and-consume" : "write", directory.toString(), Long.toString(BUDGET),
                Long.toString(round * ROUND_STRIDE))) {
            assertThat(child.nextLine(CHILD_TIMEOUT)).as("child start, %s; stderr: %s", context, child.errorOutput())
                    .isEqualTo("OPEN");
            int acks = 0;
            while (acks < killAfterAcks) {
                String line = child.nextLine(CHILD_TIMEOUT);
                if (line == null) {
                    fail("The child ended before being killed, " + context + "; stderr: " + child.errorOutput());
                }
                if (record(line, round, firstSequence)) {
                    acks++;
                }
            }
            child.kill();
            // Lines already in the pipe were printed after their append returned: they count too.
            for (String line : child.remainingLines()) {
                record(line, round, firstSequence);
            }
        }
        return firstSequence[0];
    }

    /** @return whether the line acknowledged an append */
    private boolean record(String line, int round, long[] firstSequence) {
        String[] words = line.split(" ");
        switch (words[0]) {
            case "ACK" -> {
                long sequence = Long.parseLong(words[1]);
                ackedCounterBySequence.put(sequence, Long.parseLong(words[2]));
                lastAckedSequenceByRound[round] = sequence;
                if (firstSequence[0] < 0) {
                    firstSequence[0] = sequence;
                }
                return true;
            }
            case "REMOVING" -> removalStarted.addAll(sequences(words[1]));
            case "REMOVED" -> removalFinished.addAll(sequences(words[1]));
            default -> fail("Unexpected line from the child: " + line);
        }
        return false;
    }

    /** @return the highest sequence now known */
    private long verifySpool(String context) throws SpoolException {
        try (MvStoreSpool spool = MvStoreSpool.open(directory, BUDGET)) {
            assertThat(spool.setAside()).as("set aside, %s", context).isEmpty();
            List<SpoolRecord> all = spool.oldest(Integer.MAX_VALUE);
            assertThat(all).extracting(SpoolRecord::sequence).as("order, %s", context).isSorted()
                    .doesNotHaveDuplicates();
            Set<Long> present = new HashSet<>();
            Set<Long> counters = new HashSet<>();
            for (SpoolRecord record : all) {
                long sequence = record.sequence();
                present.add(sequence);
                assertThat(TestPayloads.isIntact(record.payload())).as("payload of %d intact, %s", sequence, context)
                        .isTrue();
                long counter = TestPayloads.counterOf(record.payload());
                assertThat(counters.add(counter)).as("counter %d stored once, %s", counter, context).isTrue();
                assertThat(removalFinished).as("removed records stay removed, %s", context).doesNotContain(sequence);
                Long acked = ackedCounterBySequence.get(sequence);
                if (acked != null) {
                    assertThat(counter).as("counter under acknowledged sequence %d, %s", sequence, context)
                            .isEqualTo(acked);
                } else {
                    // Appended, but killed before the acknowledgement was printed: only the round's last append.
                    int writtenInRound = (int) (counter / ROUND_STRIDE);
                    assertThat(sequence).as("unacknowledged sequence %d, %s", sequence, context)
                            .isGreaterThan(lastAckedSequenceByRound[writtenInRound]);
                }
            }
            for (long sequence : ackedCounterBySequence.keySet()) {
                if (!removalStarted.contains(sequence)) {
                    assertThat(present).as("acknowledged and never removed, %s", context).contains(sequence);
                }
            }
            assertThat(spool.stats().records()).isEqualTo(all.size());
            assertThat(spool.stats().dropped()).isZero();
            long highestPresent = all.isEmpty() ? 0 : all.get(all.size() - 1).sequence();
            long highestAcked = ackedCounterBySequence.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
            System.out.printf("%s: %d acknowledged so far, %d removed, %d present%n", context,
                    ackedCounterBySequence.size(), removalFinished.size(), all.size());
            return Math.max(highestPresent, highestAcked);
        }
    }

    private static List<Long> sequences(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(Long::valueOf).toList();
    }
}
