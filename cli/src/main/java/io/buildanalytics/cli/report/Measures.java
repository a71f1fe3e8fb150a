package io.buildanalytics.cli.report;

import java.time.Duration;

/**
 * The measures of one selection of events, defined exactly as the dashboards define them (see the dashboards'
 * README): only successful deployments count as deployments, cancelled runs and TeamCity personal builds are left
 * out of the failure rate, and change failures and recovery are CI-derived from rollbacks.
 */
public record Measures(DeploymentFrequency frequency, LeadTime leadTime, ChangeFailure changeFailure,
                       Recovery recovery, BuildFailure buildFailure, Timing timing) {

    /**
     * @param deployments    successful deployments to the target environment in the range
     * @param deploymentDays UTC days with at least one of them
     * @param daysPerWeek    median deployment days per whole week (Monday to Sunday, UTC); when the range holds no
     *                       whole week, deployment days per 7 days of range
     * @param wholeWeeks     whole weeks in the range
     */
    public record DeploymentFrequency(long deployments, long deploymentDays, double daysPerWeek, int wholeWeeks,
                                      Band band) {
    }

    /** One value per commit first deployed by a successful deployment; p50 and p90 are null without commits. */
    public record LeadTime(long commits, Duration p50, Duration p90, Band band) {
    }

    /** Deployments later rolled back, of all successful deployments; rate is null without deployments. */
    public record ChangeFailure(long deployments, long failed, Double rate, Band band) {
    }

    /** Time from a deployment that was rolled back to the rollback; p50 is null without rollbacks. */
    public record Recovery(long recoveries, Duration p50, Band band) {
    }

    /** Failed runs of successful plus failed runs; rate is null without runs. */
    public record BuildFailure(long runs, long failed, Double rate) {
    }

    /** Execution time and time in the queue over every run in the selection; null where no run had the value. */
    public record Timing(long runs, Duration durationP50, Duration durationP95, Duration queueP50,
                         Duration queueP95) {
    }
}
