package io.buildanalytics.cli.report;

import io.buildanalytics.cli.CliFailure;
import io.buildanalytics.cli.ExitCode;
import io.buildanalytics.cli.OutputFiles;
import io.buildanalytics.cli.engine.EngineFailures;
import io.buildanalytics.cli.engine.EngineOptions;
import io.buildanalytics.kibana.query.EngineSearchException;
import io.buildanalytics.kibana.query.HttpEngineSearch;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code report}: the dashboards' measures for a time range, read from any engine holding the events. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Prints deployment frequency, lead time, change failure rate, recovery time, build failure "
                + "rate, duration and queue time for a time range, overall and per CI server, computed exactly as "
                + "the dashboards compute them.",
            "",
            "Examples:",
            "  build-analytics report --es http://localhost:9200 --last 30d",
            "  build-analytics report --es https://es:9200 --user reader --password-file pw --service shop "
                + "--from 2026-01-01 --to 2026-03-31 --format html --output q1.html"})
public final class ReportCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Option(names = "--last", paramLabel = "PERIOD", description = "Period ending now: 30d, 12w, 48h (default 30d)")
    String last;

    @Option(names = "--from", paramLabel = "WHEN", description = "Start: a date (2026-03-01, UTC) or an instant")
    String from;

    @Option(names = "--to", paramLabel = "WHEN", description = "End: a date (that whole day, UTC) or an instant")
    String to;

    @Option(names = "--server", paramLabel = "NAME", description = "Only this CI server (observer.name)")
    String server;

    @Option(names = "--project", paramLabel = "NAME", description = "Only this project (ci.pipeline.project)")
    String project;

    @Option(names = "--service", paramLabel = "NAME", description = "Only this service (service.name)")
    String service;

    @Option(names = "--environment", paramLabel = "NAME",
            description = "Only this environment; deployment measures then count deployments to it instead of "
                    + "production")
    String environment;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or html (default: ${DEFAULT-VALUE})")
    ReportFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to this file instead of the terminal")
    Path output;

    Clock clock = Clock.systemUTC();

    @Override
    public void run() {
        ReportFilter filter = filter();
        MetricsReport report = query(engine, filter, clock);
        String rendered = format.render(report);
        PrintWriter out = spec.commandLine().getOut();
        if (output == null) {
            out.print(rendered);
            out.flush();
        } else {
            OutputFiles.write(output, rendered);
            out.println("Wrote the " + format.name().toLowerCase() + " report to " + output.toAbsolutePath());
            out.flush();
        }
        if (report.events() == 0) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("No build events in " + report.index() + " for this range and selection. Check --es, "
                    + "--index-prefix and the range; events arrive once a plugin or `ship` has sent them.");
            err.flush();
        }
    }

    /** Runs the report's search, with failures as command-line failures. */
    public static MetricsReport query(EngineOptions engine, ReportFilter filter, Clock clock) {
        String index = engine.naming().indexPattern();
        try {
            HttpEngineSearch search = new HttpEngineSearch(engine.url(), engine.auth(), engine.tls());
            return new MetricsQuery(search, index, clock).run(filter);
        } catch (EngineSearchException e) {
            throw EngineFailures.of(e, index);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCode.USAGE, e.getMessage(), e);
        }
    }

    private ReportFilter filter() {
        try {
            Instant[] range = TimeRange.resolve(from, to, last, clock);
            return new ReportFilter(range[0], range[1], server, project, service, environment);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCode.USAGE, e.getMessage(), e);
        }
    }
}
