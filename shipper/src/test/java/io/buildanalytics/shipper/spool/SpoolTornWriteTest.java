package io.buildanalytics.shipper.spool;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deterministic version of the crash that {@link SpoolKillTest} only hits now and then: the process dies while
 * writing a commit into space that held a dead chunk, after the chunk's first block is written and before the
 * file header is updated. Reopening must find the previous commit, and keep finding it on every later open. With
 * a plain MVStore it does not: the second open after the crash falls back to an older version (see
 * {@link CrashSafeClose}).
 */
class SpoolTornWriteTest {

    private static final long BUDGET = 64L << 20;
    private static final int BLOCK = 4096;
    /** The two header blocks at the start of the file. */
    private static final int FIRST_CHUNK_BLOCK = 2;

    @TempDir
    Path directory;

    @Test
    void aCommitTornOverADeadChunkLosesNothingAcrossReopens() throws Exception {
        Path live = directory.resolve("live");
        Path crashed = directory.resolve("crashed");
        Files.createDirectories(crashed);
        List<Long> committedBeforeTheTornOne = writeUntilACommitLandsOnADeadChunk(live, crashed);

        for (int open = 1; open <= 3; open++) {
            try (MvStoreSpool spool = MvStoreSpool.open(crashed, BUDGET)) {
                assertThat(spool.setAside()).isEmpty();
                assertThat(spool.oldest(Integer.MAX_VALUE)).as("records at open %d after the crash", open)
                        .extracting(SpoolRecord::sequence).containsExactlyElementsOf(committedBeforeTheTornOne);
            }
        }
    }

    /**
     * Appends, removing in batches as a consumer would so that chunks die and their space is reused, until a commit
     * writes its first block where a dead chunk's header was. Leaves in {@code crashed} the file as a kill at that
     * moment would: everything before that commit, plus that first block.
     *
     * @return the sequences held before that commit
     */
    private static List<Long> writeUntilACommitLandsOnADeadChunk(Path live, Path crashed) throws Exception {
        Path file = live.resolve(MvStoreSpool.FILE_NAME);
        List<Long> held = new ArrayList<>();
        try (MvStoreSpool spool = MvStoreSpool.open(live, BUDGET)) {
            for (long counter = 0; counter < 5_000; counter++) {
                if (counter % 50 == 49) {
                    spool.remove(held.subList(0, 45));
                    held.subList(0, 45).clear();
                }
                byte[] before = Files.readAllBytes(file);
                long sequence = spool.append(TestPayloads.of(counter));
                byte[] after = Files.readAllBytes(file);
                int block = firstChangedBlock(before, after);
                if (counter > 200 && block >= 0 && chunkHeaderAt(before, block) && chunkHeaderAt(after, block)) {
                    byte[] torn = before.clone();
                    System.arraycopy(after, block * BLOCK, torn, block * BLOCK, BLOCK);
                    Files.write(crashed.resolve(MvStoreSpool.FILE_NAME), torn);
                    System.out.printf("commit %d tore over the chunk at block %d%n", counter, block);
                    return held;
                }
                held.add(sequence);
            }
        }
        throw new AssertionError("No commit landed on a dead chunk in 5 000 appends; the test proves nothing");
    }

    private static int firstChangedBlock(byte[] before, byte[] after) {
        for (int block = FIRST_CHUNK_BLOCK; (block + 1) * BLOCK <= before.length; block++) {
            int from = block * BLOCK;
            if (!Arrays.equals(before, from, from + BLOCK, after, from, from + BLOCK)) {
                return block;
            }
        }
        return -1;
    }

    private static boolean chunkHeaderAt(byte[] file, int block) {
        int at = block * BLOCK;
        return at + 6 <= file.length && new String(file, at, 6, ISO_8859_1).equals("chunk:");
    }
}
