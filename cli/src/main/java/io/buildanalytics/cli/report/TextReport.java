package io.buildanalytics.cli.report;

import java.util.List;

/**
 * The report for a terminal: plain lines no wider than {@value #WIDTH} columns, no box drawing, so it reads the
 * same in a CI log, a mail and a pipe to {@code less}. Every text that comes from events goes through
 * {@link Formats#printable} first.
 */
public final class TextReport {

    static final int WIDTH = 100;

    private static final String INDENT = "  ";
    private static final int NAME_COLUMN = 22;

    public String render(MetricsReport report) {
        StringBuilder out = new StringBuilder();
        header(out, report);
        headlines(out, report);
        servers(out, report);
        weeks(out, report);
        failing(out, report);
        return out.toString();
    }

    private static void header(StringBuilder out, MetricsReport report) {
        ReportFilter filter = report.filter();
        out.append("Build Analytics report\n");
        field(out, "Range", Formats.range(filter));
        field(out, "Selection", Formats.printable(filter.describeSelection()));
        field(out, "Deployments", "to " + Formats.printable(filter.deploymentTarget()));
        field(out, "Index", Formats.printable(report.index()));
        field(out, "Events", Formats.counted(report.events(), "pipeline run", "pipeline runs"));
        field(out, "Created", Formats.dateTime(report.createdAt()));
    }

    private static void headlines(StringBuilder out, MetricsReport report) {
        out.append("\nMeasures\n");
        for (Headline headline : Headline.of(report.overall(), report.filter().deploymentTarget())) {
            field(out, headline.name(), headline.line());
            if (headline.note() != null) {
                field(out, "", headline.note());
            }
        }
    }

    private static void servers(StringBuilder out, MetricsReport report) {
        out.append("\nPer CI server\n");
        if (report.servers().isEmpty()) {
            out.append(INDENT).append("No events from any CI server.\n");
            return;
        }
        TextTable table = new TextTable(INDENT, WIDTH).name("Server").right("Deploys").right("Days/wk")
                .right("Lead p50").right("CFR").right("Recovery").right("Fail rate").right("Duration");
        for (MetricsReport.ServerMeasures server : report.servers()) {
            Measures m = server.measures();
            table.row(serverName(server),
                    Formats.count(m.frequency().deployments()),
                    Formats.oneDecimal(m.frequency().daysPerWeek()),
                    Formats.elapsed(m.leadTime().p50()),
                    Formats.percent(m.changeFailure().rate()),
                    Formats.elapsed(m.recovery().p50()),
                    Formats.percent(m.buildFailure().rate()),
                    Formats.buildTime(m.timing().durationP50()));
        }
        out.append(table.render());
        out.append(INDENT).append("Lead, recovery and duration are medians; ")
                .append(Formats.MISSING).append(" is no data.\n");
    }

    static String serverName(MetricsReport.ServerMeasures server) {
        String name = Formats.printable(server.server());
        return server.product() == null ? name : name + " (" + Formats.printable(server.product()) + ")";
    }

    private static void weeks(StringBuilder out, MetricsReport report) {
        out.append("\nWeekly (weeks start on Monday, UTC)\n");
        if (report.weeks().isEmpty()) {
            out.append(INDENT).append("No weeks in range.\n");
            return;
        }
        TextTable table = new TextTable(INDENT, WIDTH).left("Week of").right("Deployments").right("Runs")
                .right("Failed").right("Failure rate");
        boolean anyPartial = false;
        for (MetricsReport.Week week : report.weeks()) {
            boolean partial = WeekCoverage.partial(report.filter(), week);
            anyPartial |= partial;
            table.row(Formats.date(week.start()) + (partial ? "*" : ""),
                    Formats.count(week.deployments()),
                    Formats.count(week.runs()),
                    Formats.count(week.failedRuns()),
                    Formats.percent(week.failureRate()));
        }
        out.append(table.render());
        if (anyPartial) {
            out.append(INDENT).append("* partial week: the range covers only part of it\n");
        }
    }

    private static void failing(StringBuilder out, MetricsReport report) {
        out.append("\nMost failing pipelines\n");
        List<MetricsReport.FailingPipeline> failing = report.failing();
        if (failing.isEmpty()) {
            out.append(INDENT).append("No failed runs in range.\n");
            return;
        }
        TextTable table = new TextTable(INDENT, WIDTH).name("Pipeline").name("Server").right("Failed")
                .right("Runs").right("Failure rate");
        for (MetricsReport.FailingPipeline pipeline : failing) {
            table.row(Formats.printable(pipeline.pipeline()),
                    Formats.printable(pipeline.server()),
                    Formats.count(pipeline.failed()),
                    Formats.count(pipeline.runs()),
                    Formats.percent(pipeline.failureRate()));
        }
        out.append(table.render());
    }

    /** "  Name                  value", the value starting in the same column on every line. */
    private static void field(StringBuilder out, String name, String value) {
        out.append(INDENT).append(name).append(" ".repeat(Math.max(1, NAME_COLUMN - name.length())))
                .append(value).append('\n');
    }
}
