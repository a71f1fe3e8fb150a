package io.buildanalytics.bench.callback;

import io.buildanalytics.bench.data.BenchHistory;
import io.buildanalytics.bench.data.BenchSender;
import io.buildanalytics.bench.data.Scratch;
import io.buildanalytics.bench.engine.ClosedPort;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.schema.IndexNaming;
import io.buildanalytics.shipper.HistoryLookup;
import io.buildanalytics.shipper.Shipper;
import io.buildanalytics.shipper.spool.SpoolException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What a build-finished callback costs the CI server: {@link Shipper#accept} with a finished build's facts, which
 * serializes them and commits them to the spool on disk. Sampled per call, so the tail (p99, max) is measured, not
 * only the mean, with an empty spool and with one that has grown during an outage; the engine is unreachable, so
 * the spool keeps what it has.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CallbackBenchmark {

    @Param({"0", "100000"})
    public int waiting;

    private List<BuildFacts> builds;
    private int next;
    private Path directory;
    private Shipper shipper;

    /**
     * The spool with events waiting is filled once per trial and then kept: reopening it for each iteration would
     * be counted in the allocation per call (JMH's GC profiler counts an iteration's set-up), and opening a spool
     * reads all of it. So that case starts at {@code waiting} events and grows by what the iterations add.
     */
    @Setup(Level.Trial)
    public void fillSpool() throws SpoolException {
        builds = BenchHistory.Team.generate(0).runs();
        if (waiting > 0) {
            open();
            for (int i = 0; i < waiting; i++) {
                if (!shipper.accept(nextBuild())) {
                    throw new IllegalStateException("The spool refused an event: " + shipper.status().summary());
                }
            }
        }
    }

    /** The empty case starts every iteration from a new, empty spool. */
    @Setup(Level.Iteration)
    public void emptySpool() throws SpoolException {
        if (waiting == 0) {
            open();
        }
    }

    @TearDown(Level.Iteration)
    public void closeEmptySpool() {
        if (waiting == 0) {
            close();
        }
    }

    @TearDown(Level.Trial)
    public void closeFilledSpool() {
        if (waiting > 0) {
            close();
        }
    }

    private void open() throws SpoolException {
        directory = Scratch.directory("callback");
        shipper = Shipper.start(BenchSender.settings(ClosedPort.connection(), IndexNaming.withPrefix("bench-callback"),
                directory).withDiskBudget(8L * 1024 * 1024 * 1024), HistoryLookup.none());
    }

    private void close() {
        shipper.close();
        Scratch.delete(directory);
    }

    /** Builds finishing back to back, as fast as the spool takes them: the stress case. */
    @Benchmark
    public boolean backToBack() {
        return shipper.accept(nextBuild());
    }

    /** One build finishing every {@link Pace#INTERVAL_MILLIS} ms, still far busier than any real CI server. */
    @Benchmark
    public boolean paced(Pace pace) {
        return shipper.accept(nextBuild());
    }

    /**
     * The wait between paced calls. A per-invocation fixture runs outside the timed call, so only the callback is
     * measured, while the disk and the collector get the breathing room they have on a real server.
     */
    @State(Scope.Thread)
    public static class Pace {

        public static final int INTERVAL_MILLIS = 2;

        @Setup(Level.Invocation)
        public void waitForNextBuild() {
            java.util.concurrent.locks.LockSupport.parkNanos(INTERVAL_MILLIS * 1_000_000L);
        }
    }

    private BuildFacts nextBuild() {
        BuildFacts build = builds.get(next);
        next = (next + 1) % builds.size();
        return build;
    }
}
