package io.buildanalytics.cli.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything {@code report} prints, in one value: the measures over the whole selection, the same measures per CI
 * server side by side, a weekly series for the charts and the pipelines that failed most.
 *
 * @param filter    what was selected
 * @param index     the index pattern that was searched
 * @param events    pipeline-run events in the selection
 * @param overall   measures over the whole selection
 * @param servers   the same per CI server ({@code observer.name}), most events first
 * @param weeks     one row per week (Monday, UTC) that overlaps the range, oldest first
 * @param failing   pipelines with at least one failed run, most failures first, at most ten
 * @param createdAt when the report was made
 */
public record MetricsReport(ReportFilter filter, String index, long events, Measures overall,
                           List<ServerMeasures> servers, List<Week> weeks, List<FailingPipeline> failing,
                           Instant createdAt) {

    public MetricsReport {
        servers = List.copyOf(servers);
        weeks = List.copyOf(weeks);
        failing = List.copyOf(failing);
    }

    public record ServerMeasures(String server, String product, long events, Measures measures) {
    }

    /**
     * @param start        the Monday the week starts on
     * @param deployments  successful deployments to the target environment
     * @param runs         successful plus failed runs (as in the failure rate)
     * @param failedRuns   failed runs
     */
    public record Week(LocalDate start, long deployments, long runs, long failedRuns) {

        public Double failureRate() {
            return runs == 0 ? null : (double) failedRuns / runs;
        }
    }

    /** @param server the CI server, {@code observer.name} */
    public record FailingPipeline(String server, String pipeline, long runs, long failed) {

        public double failureRate() {
            return runs == 0 ? 0 : (double) failed / runs;
        }
    }
}
