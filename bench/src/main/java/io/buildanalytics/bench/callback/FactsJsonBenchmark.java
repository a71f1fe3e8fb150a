package io.buildanalytics.bench.callback;

import io.buildanalytics.bench.data.BenchHistory;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.shipper.FactsJson;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The callback's first step alone, facts to the spool's JSON, so the table shows what the disk commit adds. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FactsJsonBenchmark {

    private List<BuildFacts> builds;
    private int next;

    @Setup(Level.Trial)
    public void readBuilds() {
        builds = BenchHistory.Team.generate(0).runs();
    }

    @Benchmark
    public byte[] factsToJson() {
        BuildFacts build = builds.get(next);
        next = (next + 1) % builds.size();
        return FactsJson.write(build);
    }
}
