package io.buildanalytics.shipper.spool;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MvStoreSpoolTest {

    private static final long BUDGET = 1 << 20;

    @TempDir
    Path directory;

    @Test
    void recordsComeBackOldestFirstWithIncreasingSequences() throws Exception {
        try (MvStoreSpool spool = MvStoreSpool.open(directory, BUDGET)) {
            long first = spool.append(bytes("one"));
            long second = spool.append(bytes("two"));
            long third = spool.append(bytes("three"));

            assertThat(List.of(first, second, third)).isSorted().doesNotHaveDuplicates();
            assertThat(spool.oldest(10)).extracting(SpoolRecord::sequence).containsExactly(first, second, third);
            assertThat(texts(spool.oldest(10))).containsExactly("one", "two", "three");
        }
    }

    @Test
    void oldestReturnsTheHeadWithoutRemovingIt() throws Exception {
        try (MvStoreSpool spool = MvStoreSpool.open(directory, BUDGET)) {
            for (String text : List.of("a", "b", "c", "d")) {
                spool.append(bytes(text));
            }

            assertThat(texts(spool.oldest(2))).containsExactly("a", "b");
            assertThat(texts(spool.oldest(2))).containsExactly("a", "b");
            assertThat(spool.oldest(0)).isEmpty();
            assertThat(spool.stats().records()).isEqualTo(4);
        }
    }

    @Test
    void oldestAfterReturnsTheBatchBehindOneInFlight() throws Exception {
        try (MvStoreSpool spool = MvStoreSpool.open(directory, BUDGET)) {
            List<Long> sequences = new java.util.ArrayList<>();
            for (String text : List.of("a", "b", "c", "d", "e")) {
                sequences.add(spool.append(bytes(text)));
            }

            assertThat(texts(spool.oldestAfter(sequences.get(1), 2))).containsExactly("c", "d");
            assertThat(texts(spool.oldestAfter(sequences.get(3), 10))).containsExactly("e");
            assertThat(spool.oldestAfter(sequences.get(4), 10)).isEmpty();
            assertThat(spool.oldestAfter(Long.MAX_VALUE, 10)).isEmpty();
            spool.remove(List.of(sequences.get(2)));
            assertThat(texts(spool.oldestAfter(sequences.get(1), 2))).containsExactly("d", "e");
            assertThat(spool.stats().records()).isEqualTo(4);
        }
    }

    @Test
    void removeDeletesTheGivenSequencesAndIgnoresUnknownOnes() throws Exception {
        try (MvStoreSpool spool = MvStoreSpool.open(directory, BUDGET)) {
            long a = spool.append(bytes("a"));
            long b = spool.append(bytes("bb"));
            long c = spool.append(bytes("ccc"));

            spool.remove(List.of(b, c + 1_000, -5L));

            assertThat(spool.oldest(10)).extracting(SpoolRecord::sequence).containsExactly(a, c);
            assertThat(spool.stats()).isEqualTo(new SpoolStats(2, 4, BUDGET, 0));
            spool.remove(List.of(a, a));
            assertThat(texts(spool.oldest(10))).containsExactly("ccc");
        }
    }

    @Test
    void reopeningKeepsTheRecordsAndContinuesTheSequence() throws Exception {
        long last;
        try (MvStoreSpool spool = MvStoreSpool.open(directory, BUDGET)) {
            spool.append(bytes("kept 1"));
            long removed = spool.append(bytes("removed"));
            last = spool.append(bytes("kept 2"));
            spool.remove(List.of(removed));
        }

        try (MvStoreSpool spool = MvStoreSpool.open(directory, BUDGET)) {
            assertThat(texts(spool.oldest(10))).containsExactly("kept 1", "kept 2");
            assertThat(spool.stats()).isEqualTo(new SpoolStats(2, 12, BUDGET, 0));
            assertThat(spool.append(bytes("after reopen"))).isEqualTo(last + 1);
            assertThat(spool.setAside()).isEmpty();
        }
    }

    @Test
    void sequencesAreNotReusedWhenEverythingWasRemovedBeforeReopening() throws Exception {
        long last;
        try (MvStoreSpool spool = MvStoreSpool.open(directory, BUDGET)) {
            spool.append(bytes("x"));
            last = spool.append(bytes("y"));
            spool.remove(spool.oldest(10).stream().map(SpoolRecord::sequence).toList());
        }

        try (MvStoreSpool spool = MvStoreSpool.open(directory, BUDGET)) {
            assertThat(spool.stats().records()).isZero();
            assertThat(spool.append(bytes("z"))).isGreaterThan(last);
        }
    }

    @Test
    void theSpoolKeepsItsOwnCopyOfEveryPayload() throws Exception {
        try (MvStoreSpool spool = MvStoreSpool.open(directory, BUDGET)) {
            byte[] payload = bytes("original");
            spool.append(payload);
            payload[0] = 'X';
            spool.oldest(1).get(0).payload()[1] = 'Y';

            assertThat(texts(spool.oldest(1))).containsExactly("original");
        }
    }

    @Test
    void statsCountRecordsBytesAndBudget() throws Exception {
        try (MvStoreSpool spool = MvStoreSpool.open(directory, BUDGET)) {
            assertThat(spool.stats()).isEqualTo(new SpoolStats(0, 0, BUDGET, 0));
            spool.append(new byte[100]);
            long second = spool.append(new byte[250]);
            spool.append(new byte[0]);
            assertThat(spool.stats()).isEqualTo(new SpoolStats(3, 350, BUDGET, 0));
            spool.remove(List.of(second));
            assertThat(spool.stats()).isEqualTo(new SpoolStats(2, 100, BUDGET, 0));
        }
    }

    @Test
    void closeIsIdempotentAndLaterCallsSaySoInASentence() throws Exception {
        MvStoreSpool spool = MvStoreSpool.open(directory, BUDGET);
        spool.append(bytes("before close"));
        spool.close();
        spool.close();

        assertThatThrownBy(() -> spool.append(bytes("after close")))
                .isInstanceOf(SpoolException.class).hasMessageContaining("is closed");
        assertThatThrownBy(() -> spool.remove(List.of(1L)))
                .isInstanceOf(SpoolException.class).hasMessageContaining("is closed");
        assertThatThrownBy(() -> spool.oldest(1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is closed");
        try (MvStoreSpool reopened = MvStoreSpool.open(directory, BUDGET)) {
            assertThat(texts(reopened.oldest(10))).containsExactly("before close");
        }
    }

    @Test
    void startsNoThreadsAndLeavesNoneBehind() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        Set<String> whileOpen;
        try (MvStoreSpool spool = MvStoreSpool.open(directory, BUDGET)) {
            for (int i = 0; i < 2_000; i++) {
                spool.append(new byte[1_000]);
            }
            spool.remove(spool.oldest(1_500).stream().map(SpoolRecord::sequence).toList());
            whileOpen = names(Thread.getAllStackTraces().keySet(), before);
        }
        assertThat(whileOpen).as("threads started while the spool was open").isEmpty();
        assertThat(names(Thread.getAllStackTraces().keySet(), before)).as("threads left after close").isEmpty();
    }

    @Test
    void createsMissingDirectoriesAndRejectsANonPositiveBudget() throws Exception {
        Path nested = directory.resolve("a/b/spool");
        try (MvStoreSpool spool = MvStoreSpool.open(nested, BUDGET)) {
            spool.append(bytes("x"));
        }
        assertThat(nested.resolve(MvStoreSpool.FILE_NAME)).isRegularFile();
        assertThatThrownBy(() -> MvStoreSpool.open(directory, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("budget");
    }

    private static Set<String> names(Set<Thread> threads, Set<Thread> except) {
        return threads.stream().filter(thread -> !except.contains(thread) && thread.isAlive())
                .map(Thread::getName).collect(Collectors.toSet());
    }

    static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    static List<String> texts(List<SpoolRecord> records) {
        List<String> texts = new ArrayList<>();
        for (SpoolRecord record : records) {
            texts.add(new String(record.payload(), UTF_8));
        }
        return texts;
    }
}
