package io.buildanalytics.shipper.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolBudgetTest {

    private static final long BUDGET = 10_000;

    @TempDir
    Path directory;

    @Test
    void appendingBeyondTheBudgetDropsTheOldestRecordsAndCountsThem() throws Exception {
        try (MvStoreSpool spool = MvStoreSpool.open(directory, BUDGET)) {
            List<Long> sequences = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                sequences.add(spool.append(filled(1_000, i)));
            }
            assertThat(spool.stats()).isEqualTo(new SpoolStats(10, 10_000, BUDGET, 0));

            long newest = spool.append(filled(2_500, 10));

            assertThat(spool.oldest(100)).extracting(SpoolRecord::sequence)
                    .containsExactlyElementsOf(concat(sequences.subList(3, 10), newest));
            assertThat(spool.stats()).isEqualTo(new SpoolStats(8, 9_500, BUDGET, 3));
            assertThat(spool.oldest(100).get(0).payload()).isEqualTo(filled(1_000, 3));
        }
    }

    @Test
    void theDroppedCountSurvivesReopening() throws Exception {
        try (MvStoreSpool spool = MvStoreSpool.open(directory, BUDGET)) {
            for (int i = 0; i < 25; i++) {
                spool.append(filled(1_000, i));
            }
            assertThat(spool.stats().dropped()).isEqualTo(15);
        }
        try (MvStoreSpool spool = MvStoreSpool.open(directory, BUDGET)) {
            assertThat(spool.stats()).isEqualTo(new SpoolStats(10, 10_000, BUDGET, 15));
            spool.append(filled(1_000, 25));
            assertThat(spool.stats().dropped()).isEqualTo(16);
        }
        try (MvStoreSpool spool = MvStoreSpool.open(directory, BUDGET)) {
            assertThat(spool.stats().dropped()).isEqualTo(16);
        }
    }

    @Test
    void aRecordLargerThanTheWholeBudgetIsRejectedAndNothingIsDropped() throws Exception {
        try (MvStoreSpool spool = MvStoreSpool.open(directory, BUDGET)) {
            spool.append(filled(4_000, 1));
            spool.append(filled(4_000, 2));

            assertThatThrownBy(() -> spool.append(new byte[(int) BUDGET + 1]))
                    .isInstanceOf(SpoolException.class)
                    .hasMessageContaining("10001 bytes is larger than the whole spool budget of 10000 bytes");

            assertThat(spool.stats()).isEqualTo(new SpoolStats(2, 8_000, BUDGET, 0));
            long exactlyTheBudget = spool.append(filled((int) BUDGET, 3));
            assertThat(spool.oldest(10)).extracting(SpoolRecord::sequence).containsExactly(exactlyTheBudget);
            assertThat(spool.stats()).isEqualTo(new SpoolStats(1, BUDGET, BUDGET, 2));
        }
    }

    @Test
    void aLowerBudgetAtReopeningDropsTheOldestRightAway() throws Exception {
        try (MvStoreSpool spool = MvStoreSpool.open(directory, BUDGET)) {
            for (int i = 0; i < 10; i++) {
                spool.append(filled(1_000, i));
            }
        }
        try (MvStoreSpool spool = MvStoreSpool.open(directory, 4_500)) {
            assertThat(spool.stats()).isEqualTo(new SpoolStats(4, 4_000, 4_500, 6));
            assertThat(spool.oldest(1).get(0).payload()).isEqualTo(filled(1_000, 6));
        }
        try (MvStoreSpool spool = MvStoreSpool.open(directory, BUDGET)) {
            assertThat(spool.stats()).isEqualTo(new SpoolStats(4, 4_000, BUDGET, 6));
        }
    }

    private static byte[] filled(int length, int value) {
        byte[] payload = new byte[length];
        Arrays.fill(payload, (byte) value);
        return payload;
    }

    private static List<Long> concat(List<Long> first, long last) {
        List<Long> all = new ArrayList<>(first);
        all.add(last);
        return all;
    }
}
