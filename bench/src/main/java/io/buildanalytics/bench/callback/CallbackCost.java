package io.buildanalytics.bench.callback;

import io.buildanalytics.bench.Scale;
import io.buildanalytics.bench.report.Measurement;
import io.buildanalytics.bench.report.Section;
import io.buildanalytics.bench.report.Unit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;
import org.openjdk.jmh.util.Version;

/** Runs {@link CallbackBenchmark} under JMH with its GC profiler and turns the samples into the results table. */
public final class CallbackCost {

    public static final String TITLE = "Callback cost: facts to spool, per build";
    private static final double TARGET_P99_MICROS = 100;

    private CallbackCost() {
    }

    public static Section measure(Scale scale) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(CallbackBenchmark.class.getName())
                .include(FactsJsonBenchmark.class.getName())
                .param("waiting", "0", Integer.toString(scale.callbackWaiting()))
                .forks(scale.jmhForks())
                .warmupIterations(scale.jmhWarmups())
                .warmupTime(TimeValue.milliseconds(scale.jmhIteration().toMillis()))
                .measurementIterations(scale.jmhMeasurements())
                .measurementTime(TimeValue.milliseconds(scale.jmhIteration().toMillis()))
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        List<Measurement> rows = new ArrayList<>();
        for (RunResult result : results) {
            rows.addAll(rows(result));
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("JMH returned no results for " + CallbackBenchmark.class.getName());
        }
        String jvm = scale.jmhForks() == 0 ? "in the suite's own JVM" : scale.jmhForks() + " forked JVM";
        return new Section(TITLE, "JMH " + Version.getPlainVersion() + ", sample-time mode (every call timed): "
                + "`Shipper.accept` with the facts of a finished build, which serializes them and commits them to the "
                + "on-disk spool before it returns; " + jvm + ", " + scale.jmhWarmups() + " warm-up and "
                + scale.jmhMeasurements() + " measured iterations of " + scale.jmhIteration().toMillis() + " ms. Back "
                + "to back: one thread calling as fast as the spool takes it, the stress case (thousands of builds a "
                + "second). Paced: one build every " + CallbackBenchmark.Pace.INTERVAL_MILLIS + " ms, still hundreds "
                + "of times busier than a large CI server. The empty case starts each iteration from a new spool; the "
                + "waiting case fills its spool once and keeps it, so it holds at least that many events; the engine "
                + "is unreachable so nothing drains either. Allocation per call is JMH's GC "
                + "profiler's `gc.alloc.rate.norm`.", rows);
    }

    private static List<Measurement> rows(RunResult result) {
        BenchmarkParams params = result.getParams();
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        String subject = switch (method) {
            case "backToBack" -> "Back to back, " + spool(params);
            case "paced" -> "One build every " + CallbackBenchmark.Pace.INTERVAL_MILLIS + " ms, " + spool(params);
            case "factsToJson" -> "Of which: facts → JSON alone";
            default -> throw new IllegalStateException("Unknown benchmark " + params.getBenchmark());
        };
        Statistics samples = result.getPrimaryResult().getStatistics();
        double p99 = samples.getPercentile(99);
        List<Measurement> rows = new ArrayList<>();
        rows.add(Measurement.of(TITLE, subject, "p50", samples.getPercentile(50), Unit.MICROSECONDS));
        Measurement tail = Measurement.of(TITLE, subject, "p99", p99, Unit.MICROSECONDS);
        rows.add(method.equals("factsToJson") ? tail
                : tail.against("< " + (int) TARGET_P99_MICROS + " µs", p99 < TARGET_P99_MICROS));
        rows.add(Measurement.of(TITLE, subject, "max", samples.getMax(), Unit.MICROSECONDS));
        rows.add(Measurement.of(TITLE, subject, "allocated per call", allocationPerCall(result), Unit.BYTES));
        rows.add(Measurement.of(TITLE, subject, "calls sampled", samples.getN(), Unit.COUNT));
        return rows;
    }

    private static String spool(BenchmarkParams params) {
        int waiting = Integer.parseInt(params.getParam("waiting"));
        return waiting == 0 ? "empty spool" : Unit.COUNT.format(waiting) + " events waiting";
    }

    private static double allocationPerCall(RunResult result) {
        for (var entry : result.getSecondaryResults().entrySet()) {
            if (entry.getKey().endsWith("gc.alloc.rate.norm")) {
                Result<?> allocation = entry.getValue();
                return allocation.getScore();
            }
        }
        throw new IllegalStateException("JMH's GC profiler reported no allocation rate; secondary results: "
                + result.getSecondaryResults().keySet());
    }
}
