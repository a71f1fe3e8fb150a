package io.buildanalytics.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report as one HTML file to mail or attach to a build: no scripts, no fonts, style sheets or images from
 * elsewhere, so it opens offline from disk and shows the same in a year. Charts are inline SVG drawn by
 * {@link SvgColumnChart} and {@link SvgBarChart}; the tiles take the dashboards' band colours. The markup is also
 * well-formed XML (every element closed, only XML entities), which lets tests and tools parse it strictly, and a
 * Content-Security-Policy forbids scripts and every load outright, in case some text ever escaped escaping.
 */
public final class HtmlReport {

    /** The dashboards' band colours. */
    static final Map<Band, String> BAND_COLORS = Map.of(
            Band.ELITE, "#1a7f37",
            Band.HIGH, "#4c9a2a",
            Band.MEDIUM, "#d97706",
            Band.LOW, "#c0392b",
            Band.NO_DATA, "#6b7280");

    /** Tiles of measures without a band (failure rate, duration, queue time). */
    static final String NEUTRAL = "#4b5563";

    private static final String DEPLOYMENT_COLOR = "#2563eb";
    private static final String FAILURE_COLOR = "#c0392b";

    private static final String STYLE = """
            :root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
              color: #1f2937; background: #f9fafb; }
            body { max-width: 1100px; margin: 0 auto; padding: 24px; }
            h1 { font-size: 1.6rem; margin: 0 0 8px; }
            h2 { font-size: 1.2rem; margin: 32px 0 12px; }
            .meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; color: #4b5563; }
            .meta dt { font-weight: 600; }
            .meta dd { margin: 0; }
            .tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(230px, 1fr)); gap: 12px; }
            .tile { background: #fff; border: 1px solid #e5e7eb; border-top: 6px solid var(--band);
              border-radius: 6px; padding: 12px 14px; }
            .tile h3 { font-size: .9rem; margin: 0; color: #4b5563; font-weight: 600; }
            .tile .value { font-size: 1.8rem; font-weight: 700; margin: 6px 0 0; }
            .tile .qualifier { font-size: .9rem; font-weight: 400; color: #4b5563; }
            .tile .detail { margin: 4px 0; color: #374151; font-size: .9rem; }
            .tile .band { display: inline-block; margin: 4px 0; padding: 1px 8px; border-radius: 10px; color: #fff;
              background: var(--band); font-size: .8rem; font-weight: 600; }
            .tile .note { margin: 4px 0 0; color: #6b7280; font-size: .8rem; }
            .scroll { overflow-x: auto; }
            table { border-collapse: collapse; background: #fff; font-size: .9rem; }
            th, td { padding: 6px 10px; border-bottom: 1px solid #e5e7eb; text-align: right; white-space: nowrap; }
            th:first-child, td:first-child { text-align: left; }
            #servers th:nth-child(2), #servers td:nth-child(2) { text-align: left; }
            thead th { color: #4b5563; }
            .dot { display: inline-block; width: 8px; height: 8px; border-radius: 50%; margin-right: 6px; }
            .chart { width: 100%; height: auto; background: #fff; border: 1px solid #e5e7eb; border-radius: 6px;
              margin-bottom: 12px; }
            .chart text { font-size: 12px; fill: #374151; }
            .chart .chart-title { font-size: 14px; font-weight: 600; }
            .chart .axis-title { fill: #4b5563; }
            .chart .grid { stroke: #e5e7eb; }
            .chart .axis { stroke: #6b7280; }
            .chart .hit { fill: transparent; }
            .chart .bar:hover .hit { fill: #f3f4f6; }
            .chart .muted { opacity: .45; }
            .hint, footer { color: #6b7280; font-size: .8rem; }
            footer { margin-top: 32px; }
            """;

    public String render(MetricsReport report) {
        ReportFilter filter = report.filter();
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" ")
                .append("content=\"default-src 'none'; style-src 'unsafe-inline'\"/>\n")
                .append("<title>").append(Html.escape("Build Analytics report, " + Formats.range(filter)))
                .append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        header(html, report);
        html.append("<main>\n");
        tiles(html, report);
        servers(html, report);
        weeks(html, report);
        failing(html, report);
        html.append("</main>\n<footer>")
                .append(Html.escape("Bands follow the DORA 2023 clusters, as on the dashboards. Change failure "
                        + "rate and recovery time are CI-derived: a rollback marks the deployment it replaced as "
                        + "failed; fixes rolled forward are not seen."))
                .append("</footer>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void header(StringBuilder html, MetricsReport report) {
        ReportFilter filter = report.filter();
        html.append("<header>\n<h1>Build Analytics report</h1>\n<dl class=\"meta\">\n");
        meta(html, "Range", Formats.range(filter));
        meta(html, "Selection", filter.describeSelection());
        meta(html, "Deployments", "to " + filter.deploymentTarget());
        meta(html, "Index", report.index());
        meta(html, "Events", Formats.counted(report.events(), "pipeline run", "pipeline runs"));
        meta(html, "Created", Formats.dateTime(report.createdAt()));
        html.append("</dl>\n</header>\n");
    }

    private static void meta(StringBuilder html, String name, String value) {
        html.append("<dt>").append(Html.escape(name)).append("</dt><dd>").append(Html.escape(value))
                .append("</dd>\n");
    }

    private static void tiles(StringBuilder html, MetricsReport report) {
        html.append("<section id=\"measures\">\n<h2>Measures</h2>\n<div class=\"tiles\">\n");
        for (Headline headline : Headline.of(report.overall(), report.filter().deploymentTarget())) {
            String color = headline.band() == null ? NEUTRAL : BAND_COLORS.get(headline.band());
            html.append("<div class=\"tile\" style=\"--band: ").append(color).append("\">\n")
                    .append("<h3>").append(Html.escape(headline.name())).append("</h3>\n")
                    .append("<p class=\"value\">").append(Html.escape(headline.value()));
            if (headline.qualifier() != null) {
                html.append(" <span class=\"qualifier\">").append(Html.escape(headline.qualifier()))
                        .append("</span>");
            }
            html.append("</p>\n");
            if (!headline.details().isEmpty()) {
                html.append("<p class=\"detail\">").append(Html.escape(String.join(Formats.DOT, headline.details())))
                        .append("</p>\n");
            }
            if (headline.band() != null) {
                html.append("<p class=\"band\">").append(Html.escape(headline.band().label())).append("</p>\n");
            }
            if (headline.note() != null) {
                html.append("<p class=\"note\">").append(Html.escape(headline.note())).append("</p>\n");
            }
            html.append("</div>\n");
        }
        html.append("</div>\n</section>\n");
    }

    private static void servers(StringBuilder html, MetricsReport report) {
        html.append("<section id=\"servers\">\n<h2>Per CI server</h2>\n");
        if (report.servers().isEmpty()) {
            html.append("<p>No events from any CI server.</p>\n</section>\n");
            return;
        }
        html.append("<div class=\"scroll\">\n<table>\n<thead><tr>");
        for (String heading : List.of("Server", "Product", "Events", "Deployments", "Days / week",
                "Lead time p50", "Change failure rate", "Recovery p50", "Build failure rate", "Duration p50")) {
            html.append("<th>").append(Html.escape(heading)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (MetricsReport.ServerMeasures server : report.servers()) {
            Measures m = server.measures();
            html.append("<tr>");
            cell(html, server.server(), null);
            cell(html, server.product(), null);
            cell(html, Formats.count(server.events()), null);
            cell(html, Formats.count(m.frequency().deployments()), null);
            cell(html, Formats.oneDecimal(m.frequency().daysPerWeek()), m.frequency().band());
            cell(html, Formats.elapsed(m.leadTime().p50()), m.leadTime().band());
            cell(html, Formats.percent(m.changeFailure().rate()), m.changeFailure().band());
            cell(html, Formats.elapsed(m.recovery().p50()), m.recovery().band());
            cell(html, Formats.percent(m.buildFailure().rate()), null);
            cell(html, Formats.buildTime(m.timing().durationP50()), null);
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n</div>\n</section>\n");
    }

    /** A cell; with a band, led by a dot in the band's colour whose tooltip names the band. */
    private static void cell(StringBuilder html, String text, Band band) {
        html.append("<td>");
        if (band != null) {
            html.append("<span class=\"dot\" style=\"background: ").append(BAND_COLORS.get(band))
                    .append("\" title=\"").append(Html.escape(band.label())).append("\"></span>");
        }
        html.append(Html.escape(text)).append("</td>");
    }

    private static void weeks(StringBuilder html, MetricsReport report) {
        html.append("<section id=\"weeks\">\n<h2>Weekly</h2>\n");
        if (report.weeks().isEmpty()) {
            html.append("<p>No weeks in range.</p>\n</section>\n");
            return;
        }
        String target = report.filter().deploymentTarget();
        List<SvgColumnChart.Column> deployments = new ArrayList<>();
        List<SvgColumnChart.Column> failureRates = new ArrayList<>();
        boolean anyPartial = false;
        for (MetricsReport.Week week : report.weeks()) {
            boolean partial = WeekCoverage.partial(report.filter(), week);
            anyPartial |= partial;
            String label = Formats.date(week.start());
            String of = "Week of " + label + (partial ? " (partial)" : "") + ": ";
            deployments.add(new SvgColumnChart.Column(label, (double) week.deployments(),
                    of + Formats.counted(week.deployments(), "deployment", "deployments") + " to " + target,
                    partial));
            failureRates.add(new SvgColumnChart.Column(label, week.failureRate(),
                    of + (week.runs() == 0 ? "no finished runs" : Formats.percent(week.failureRate()) + Formats.DOT
                            + Formats.count(week.failedRuns()) + " of "
                            + Formats.counted(week.runs(), "run", "runs") + " failed"),
                    partial));
        }
        String xTitle = "Week starting (Monday, UTC)";
        html.append(new SvgColumnChart("weekly-deployments", "Deployments to " + target + " per week",
                "Deployments", xTitle, true, tick -> Formats.count(Math.round(tick)), DEPLOYMENT_COLOR)
                .render(deployments));
        html.append(new SvgColumnChart("weekly-failure-rate", "Build failure rate per week",
                "Failure rate", xTitle, false, Formats::percent, FAILURE_COLOR)
                .render(failureRates));
        List<String> hints = new ArrayList<>();
        if (anyPartial) {
            hints.add("Lighter bars: weeks the range covers only in part.");
        }
        if (report.weeks().stream().anyMatch(week -> week.runs() == 0)) {
            hints.add(Formats.MISSING + ": no finished runs that week.");
        }
        if (!hints.isEmpty()) {
            html.append("<p class=\"hint\">").append(Html.escape(String.join(" ", hints))).append("</p>\n");
        }
        weekTable(html, report);
        html.append("</section>\n");
    }

    /** The charts' numbers as a table too, for screen readers and for copying. */
    private static void weekTable(StringBuilder html, MetricsReport report) {
        html.append("<details>\n<summary>Weekly numbers</summary>\n<table>\n<thead><tr><th>Week of</th>")
                .append("<th>Deployments</th><th>Runs</th><th>Failed</th><th>Failure rate</th></tr></thead>\n")
                .append("<tbody>\n");
        for (MetricsReport.Week week : report.weeks()) {
            html.append("<tr>");
            cell(html, Formats.date(week.start())
                    + (WeekCoverage.partial(report.filter(), week) ? " (partial)" : ""), null);
            cell(html, Formats.count(week.deployments()), null);
            cell(html, Formats.count(week.runs()), null);
            cell(html, Formats.count(week.failedRuns()), null);
            cell(html, Formats.percent(week.failureRate()), null);
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n</details>\n");
    }

    private static void failing(StringBuilder html, MetricsReport report) {
        html.append("<section id=\"failing\">\n<h2>Most failing pipelines</h2>\n");
        if (report.failing().isEmpty()) {
            html.append("<p>No failed runs in range.</p>\n</section>\n");
            return;
        }
        // The server goes into the label only when there is more than one: then equal names can differ.
        boolean manyServers = report.failing().stream().map(MetricsReport.FailingPipeline::server).distinct()
                .count() > 1;
        List<SvgBarChart.Bar> bars = new ArrayList<>();
        for (MetricsReport.FailingPipeline pipeline : report.failing()) {
            String pipelineName = Formats.printable(pipeline.pipeline());
            String serverName = Formats.printable(pipeline.server());
            String share = Formats.count(pipeline.failed()) + " of " + Formats.counted(pipeline.runs(), "run", "runs");
            bars.add(new SvgBarChart.Bar(
                    manyServers ? pipelineName + " (" + serverName + ")" : pipelineName,
                    pipeline.failed(),
                    share + Formats.DOT + Formats.percent(pipeline.failureRate()),
                    pipelineName + " on " + serverName + ": " + share + " failed ("
                            + Formats.percent(pipeline.failureRate()) + ")"));
        }
        html.append(new SvgBarChart("failing-pipelines", "Pipelines with the most failed runs", "Failed runs",
                FAILURE_COLOR).render(bars));
        html.append("</section>\n");
    }
}
