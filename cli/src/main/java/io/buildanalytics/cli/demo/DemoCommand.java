package io.buildanalytics.cli.demo;

import io.buildanalytics.cli.CliFailure;
import io.buildanalytics.cli.ExitCode;
import io.buildanalytics.cli.OutputFiles;
import io.buildanalytics.cli.engine.EngineOptions;
import io.buildanalytics.cli.report.HtmlReport;
import io.buildanalytics.cli.report.JsonReport;
import io.buildanalytics.cli.report.MetricsReport;
import io.buildanalytics.cli.report.ReportCommand;
import io.buildanalytics.cli.report.ReportFilter;
import io.buildanalytics.cli.report.TextReport;
import io.buildanalytics.kibana.catalog.DashboardCatalog;
import io.buildanalytics.kibana.preview.DashboardPreview;
import io.buildanalytics.kibana.preview.NodeRenderer;
import io.buildanalytics.kibana.query.DashboardContext;
import io.buildanalytics.kibana.query.HttpEngineSearch;
import io.buildanalytics.localengine.EngineKind;
import io.buildanalytics.localengine.FileTrees;
import io.buildanalytics.localengine.LocalEngine;
import io.buildanalytics.model.schema.IndexNaming;
import io.buildanalytics.shipper.connection.EngineConnection;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: everything the product does, on this machine, in one command: an embedded Elasticsearch, 90 days
 * of Jenkins and TeamCity builds sent through the shipper the plugins use, the template, the metrics report and the
 * dashboards rendered without Kibana.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Starts an embedded Elasticsearch (or uses --es), sends a generated 90-day history of a "
                + "Jenkins and a TeamCity server through the same shipper the plugins use, installs the index "
                + "template, prints the metrics report and writes it as HTML and JSON, and renders the dashboards "
                + "into a preview (needs Node.js 18+; skipped without it).",
            "",
            "The first run downloads Elasticsearch (107 MB) from Maven Central unless it is in ~/.m2."})
public final class DemoCommand implements Runnable {

    /** The demo's history is the same on every run with the same seed and last day. */
    public static final long DEFAULT_SEED = 20_260_301L;

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Option(names = "--keep-running", description = "Leave the embedded engine running until Ctrl+C, for Kibana")
    boolean keepRunning;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "build-analytics-demo",
            description = "Where the report and the preview go (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--days", paramLabel = "N", defaultValue = "90",
            description = "Days of history (default: ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--last-day", paramLabel = "DATE", description = "The history's last day (default: yesterday, UTC)")
    LocalDate lastDay;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + DEFAULT_SEED,
            description = "Random seed of the history (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--no-preview", description = "Do not render the dashboards' preview")
    boolean noPreview;

    @Option(names = "--heap", paramLabel = "SIZE", defaultValue = "1g",
            description = "Heap of the embedded engine (default: ${DEFAULT-VALUE})")
    String heap;

    Clock clock = Clock.systemUTC();

    @Override
    public void run() {
        PrintWriter console = spec.commandLine().getOut();
        if (days < 7 || days > 730) {
            throw new CliFailure(ExitCode.USAGE, "--days must be between 7 and 730, not " + days);
        }
        IndexNaming naming = engine.naming();
        // Yesterday by default: every generated run then lies in the past, inside Kibana's "Last 90 days".
        LocalDate last = lastDay != null ? lastDay : LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1);
        DemoHistory history = DemoHistory.generate(days, last, seed);
        console.printf("Generated %,d runs of %d pipelines on Jenkins (jenkins-main) and TeamCity (teamcity-main), "
                + "%s to %s.%n", history.runs().size(), history.pipelines(), day(history.from()), day(history.to()));
        console.flush();

        LocalEngine embedded = null;
        try {
            EngineConnection connection;
            if (engine.urlGiven()) {
                connection = engine.connection();
                console.println("Using the engine at " + connection.describeTarget() + "; the demo writes into "
                        + naming.indexPattern() + ".");
            } else {
                embedded = startEmbedded(console);
                connection = engine.connection(embedded.baseUri());
            }
            console.flush();
            Path outDirectory = out.toAbsolutePath();
            Path spool = outDirectory.resolve(".shipper");
            deleteTree(spool);
            DemoDelivery.ship(history, connection, naming, spool, console);
            searchOn(connection).refresh(naming.indexPattern());

            ReportFilter filter = ReportFilter.between(history.from(), history.to());
            MetricsReport report = ReportCommand.query(engineFor(connection), filter, clock);
            console.println();
            console.print(new TextReport().render(report));
            OutputFiles.write(outDirectory.resolve("report.html"), new HtmlReport().render(report));
            OutputFiles.write(outDirectory.resolve("report.json"), new JsonReport().render(report));
            Path preview = noPreview ? null : preview(connection, history, outDirectory, console);
            whereToLook(console, outDirectory, preview, connection.urls().get(0), history, embedded != null);
            console.flush();
            if (embedded != null && keepRunning) {
                awaitInterrupt();
            }
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private LocalEngine startEmbedded(PrintWriter console) {
        console.println("Starting the embedded Elasticsearch " + EngineKind.ELASTICSEARCH.defaultVersion()
                + " (about 20 s)…");
        console.flush();
        try {
            LocalEngine started = LocalEngine.start(EngineKind.ELASTICSEARCH,
                    io.buildanalytics.localengine.EngineOptions.defaults().withHeap(heap)
                            .withStartupTimeout(Duration.ofMinutes(3)));
            console.println("Elasticsearch " + started.version() + " is running at " + started.baseUri() + ".");
            return started;
        } catch (RuntimeException e) {
            throw new CliFailure(ExitCode.FAILED, "The embedded Elasticsearch did not start: " + e.getMessage(), e);
        }
    }

    /** The report reads through the same flags as `report`, pointed at the demo's engine. */
    private EngineOptions engineFor(EngineConnection connection) {
        return engine.urlGiven() ? engine : engine.pointedAt(connection.urls().get(0));
    }

    private Path preview(EngineConnection connection, DemoHistory history, Path outDirectory, PrintWriter console) {
        Path directory = outDirectory.resolve("preview");
        console.println("Rendering the dashboards with Vega on Node.js (the first run installs its packages)…");
        console.flush();
        try {
            NodeRenderer renderer = new NodeRenderer(outDirectory.resolve(".renderer"));
            new DashboardPreview(DashboardCatalog.load(), renderer).write(searchOn(connection),
                    DashboardContext.between(history.from(), history.to()), directory,
                    "Build Analytics demo · generated history " + day(history.from()) + " to " + day(history.to()));
            return directory.resolve("index.html");
        } catch (IllegalStateException | UncheckedIOException e) {
            console.println("Preview skipped: " + firstLine(e.getMessage()));
            return null;
        }
    }

    private static HttpEngineSearch searchOn(EngineConnection connection) {
        return new HttpEngineSearch(connection.urls().get(0), connection.auth(), connection.tls());
    }

    private void whereToLook(PrintWriter console, Path outDirectory, Path preview, URI engineUrl, DemoHistory history,
                             boolean embedded) {
        console.println();
        console.println("Where to look:");
        console.println("  Report (HTML):       " + outDirectory.resolve("report.html"));
        console.println("  Report (JSON):       " + outDirectory.resolve("report.json"));
        if (preview != null) {
            console.println("  Dashboards preview:  " + preview);
        }
        console.println("  Events:              " + engineUrl + " index " + engine.naming().indexPattern());
        console.println();
        console.println("With Kibana 8 or 9 pointed at this engine (elasticsearch.hosts: [\"" + engineUrl + "\"]), "
                + "import the dashboards and open \"Build Analytics · Overview\" for " + day(history.from()) + " to "
                + day(history.to()) + ":");
        console.println("  build-analytics setup --es " + engineUrl + " --kibana http://localhost:5601");
        if (embedded && keepRunning) {
            console.println();
            console.println("The embedded Elasticsearch keeps running at " + engineUrl + ". Press Ctrl+C to stop it.");
        } else if (embedded) {
            console.println("The embedded engine stops now; run the demo with --keep-running to keep it for Kibana.");
        }
    }

    private static void awaitInterrupt() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path directory) {
        try {
            FileTrees.deleteRecursively(directory);
        } catch (UncheckedIOException e) {
            throw new CliFailure(ExitCode.FAILED, "Cannot clear " + directory + ": " + e.getCause().getMessage(), e);
        }
    }

    private static String day(java.time.Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unknown reason";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
