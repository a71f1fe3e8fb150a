package io.buildanalytics.cli.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Whether the range covers all of a week. The first and last weeks of a range usually are cut off, and their low
 * counts would otherwise read as a drop in deployments; the reports mark them instead.
 */
public final class WeekCoverage {

    /** The range's end is inclusive and may be written to the second (23:59:59) or to the nanosecond. */
    private static final Duration END_SLACK = Duration.ofSeconds(1);

    private WeekCoverage() {
    }

    public static boolean partial(ReportFilter filter, MetricsReport.Week week) {
        Instant start = week.start().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = week.start().plusDays(7).atStartOfDay(ZoneOffset.UTC).toInstant();
        return start.isBefore(filter.from()) || end.minus(END_SLACK).isAfter(filter.to());
    }
}
