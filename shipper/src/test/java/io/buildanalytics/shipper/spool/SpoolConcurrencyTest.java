package io.buildanalytics.shipper.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolConcurrencyTest {

    private static final long BUDGET = 256L << 20;
    private static final int THREADS = 8;
    private static final int PER_THREAD = 2_000;

    @TempDir
    Path directory;

    @Test
    void concurrentAppendersFindEveryRecordExactlyOnceInSequenceOrder() throws Exception {
        Map<Long, Long> counterBySequence;
        try (MvStoreSpool spool = MvStoreSpool.open(directory, BUDGET)) {
            counterBySequence = appendConcurrently(spool);
        }

        try (MvStoreSpool spool = MvStoreSpool.open(directory, BUDGET)) {
            List<SpoolRecord> all = spool.oldest(Integer.MAX_VALUE);
            assertThat(all).hasSize(THREADS * PER_THREAD);
            assertThat(all).extracting(SpoolRecord::sequence).isSorted().doesNotHaveDuplicates();
            for (SpoolRecord record : all) {
                assertThat(TestPayloads.isIntact(record.payload())).as("payload of %d", record.sequence()).isTrue();
                assertThat(TestPayloads.counterOf(record.payload()))
                        .as("the counter appended under sequence %d", record.sequence())
                        .isEqualTo(counterBySequence.get(record.sequence()));
            }
            assertThat(all).extracting(record -> TestPayloads.counterOf(record.payload())).doesNotHaveDuplicates();
        }
    }

    @Test
    void aConsumerDrainingWhileAppendersWriteSeesEveryRecordOnceAndInOrder() throws Exception {
        try (MvStoreSpool spool = MvStoreSpool.open(directory, BUDGET)) {
            AtomicBoolean appendersDone = new AtomicBoolean();
            AtomicReference<Exception> consumerFailure = new AtomicReference<>();
            List<SpoolRecord> consumed = new ArrayList<>();
            Thread consumer = new Thread(() -> {
                try {
                    while (!appendersDone.get() || spool.stats().records() > 0) {
                        List<SpoolRecord> head = spool.oldest(100);
                        if (head.isEmpty()) {
                            LockSupport.parkNanos(100_000);
                            continue;
                        }
                        consumed.addAll(head);
                        spool.remove(head.stream().map(SpoolRecord::sequence).toList());
                    }
                } catch (SpoolException | RuntimeException e) {
                    consumerFailure.set(e);
                }
            }, "consumer");
            consumer.start();
            Map<Long, Long> counterBySequence = appendConcurrently(spool);
            appendersDone.set(true);
            consumer.join(TimeUnit.MINUTES.toMillis(1));

            assertThat(consumer.isAlive()).isFalse();
            assertThat(consumerFailure.get()).isNull();
            assertThat(consumed).extracting(SpoolRecord::sequence)
                    .isSorted()
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(counterBySequence.keySet());
            assertThat(spool.stats().records()).isZero();
            assertThat(spool.stats().bytes()).isZero();
        }
    }

    /** @return the counter each returned sequence was appended with */
    private static Map<Long, Long> appendConcurrently(Spool spool) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Map<Long, Long>>> appenders = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                long base = thread * 1_000_000L;
                appenders.add(() -> {
                    start.await();
                    Map<Long, Long> mine = new HashMap<>();
                    long previous = Long.MIN_VALUE;
                    for (long counter = base; counter < base + PER_THREAD; counter++) {
                        long sequence = spool.append(TestPayloads.of(counter));
                        if (sequence <= previous) {
                            throw new AssertionError("sequence " + sequence + " after " + previous);
                        }
                        previous = sequence;
                        mine.put(sequence, counter);
                    }
                    return mine;
                });
            }
            List<Future<Map<Long, Long>>> results = new ArrayList<>();
            for (Callable<Map<Long, Long>> appender : appenders) {
                results.add(pool.submit(appender));
            }
            start.countDown();
            Map<Long, Long> all = new HashMap<>();
            for (Future<Map<Long, Long>> result : results) {
                for (Map.Entry<Long, Long> entry : result.get(2, TimeUnit.MINUTES).entrySet()) {
                    assertThat(all.put(entry.getKey(), entry.getValue())).as("sequence %d handed out twice",
                            entry.getKey()).isNull();
                }
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }
}
