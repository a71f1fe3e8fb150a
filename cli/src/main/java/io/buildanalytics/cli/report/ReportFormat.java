package io.buildanalytics.cli.report;

/** The report's output formats. */
public enum ReportFormat {
    TEXT, JSON, HTML;

    public String render(MetricsReport report) {
        return switch (this) {
            case TEXT -> new TextReport().render(report);
            case JSON -> new JsonReport().render(report);
            case HTML -> new HtmlReport().render(report);
        };
    }
}
