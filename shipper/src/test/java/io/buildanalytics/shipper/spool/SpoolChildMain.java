package io.buildanalytics.shipper.spool;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Run in a child JVM by the tests that need a second process: one that gets killed with SIGKILL, or one that holds
 * or probes a spool directory. Every line it prints ends with {@value #END}, so that a line cut short by the kill
 * can be told apart from a whole one.
 *
 * <p>Arguments: {@code mode directory budgetBytes [counterBase]}. Modes:
 * <ul>
 *   <li>{@code write}: appends {@link TestPayloads} with counters from {@code counterBase} up, printing
 *       {@code ACK <sequence> <counter>} after each append returned, until killed;</li>
 *   <li>{@code write-and-consume}: the same, plus a consumer thread that prints {@code REMOVING <seq,...>} before
 *       and {@code REMOVED <seq,...>} after each {@code remove};</li>
 *   <li>{@code hold}: opens the spool, prints {@code OPEN} and waits to be killed;</li>
 *   <li>{@code try-open}: prints {@code OPENED} or {@code REFUSED <message>} and exits.</li>
 * </ul>
 */
public final class SpoolChildMain {

    static final String END = ";";

    private SpoolChildMain() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path directory = Path.of(args[1]);
        long budget = Long.parseLong(args[2]);
        if (mode.equals("try-open")) {
            try (MvStoreSpool spool = MvStoreSpool.open(directory, budget)) {
                report(spool.stats().budgetBytes() == budget ? "OPENED" : "OPENED with another budget");
            } catch (SpoolException e) {
                report("REFUSED " + e.getMessage());
            }
            return;
        }
        MvStoreSpool spool = MvStoreSpool.open(directory, budget);
        report("OPEN");
        switch (mode) {
            case "hold" -> Thread.sleep(Long.MAX_VALUE);
            case "write" -> write(spool, Long.parseLong(args[3]));
            case "write-and-consume" -> {
                Thread consumer = new Thread(() -> consume(spool), "consumer");
                consumer.setDaemon(true);
                consumer.start();
                write(spool, Long.parseLong(args[3]));
            }
            default -> throw new IllegalArgumentException("Unknown mode " + mode);
        }
    }

    private static void write(Spool spool, long counterBase) throws SpoolException {
        for (long counter = counterBase; ; counter++) {
            long sequence = spool.append(TestPayloads.of(counter));
            report("ACK " + sequence + " " + counter);
        }
    }

    private static void consume(Spool spool) {
        try {
            while (true) {
                List<Long> head = spool.oldest(20).stream().map(SpoolRecord::sequence).toList();
                if (head.isEmpty()) {
                    Thread.sleep(1);
                    continue;
                }
                String sequences = head.stream().map(String::valueOf).collect(Collectors.joining(","));
                report("REMOVING " + sequences);
                spool.remove(head);
                report("REMOVED " + sequences);
            }
        } catch (Exception e) {
            report("CONSUMER-FAILED " + e);
        }
    }

    private static synchronized void report(String line) {
        System.out.println(line + END);
        System.out.flush();
    }
}
