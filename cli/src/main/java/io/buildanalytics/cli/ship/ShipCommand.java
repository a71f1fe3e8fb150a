package io.buildanalytics.cli.ship;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildanalytics.cli.BuildAnalytics;
import io.buildanalytics.cli.CliFailure;
import io.buildanalytics.cli.ExitCode;
import io.buildanalytics.cli.engine.EngineOptions;
import io.buildanalytics.model.event.BuildEvent;
import io.buildanalytics.model.event.Sender;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.schema.IndexNaming;
import io.buildanalytics.shipper.ShipperSettings;
import io.buildanalytics.shipper.connection.EngineConnection;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code build-analytics ship}: one finished build from a CI system without a plugin, described by flags or by a
 * JSON file, through the same validation, spool and delivery as the plugins' events.
 */
@Command(name = "ship", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Send one finished build to Elasticsearch or OpenSearch, from any CI: a post-build step in GitLab CI, "
                    + "GitHub Actions, Azure Pipelines or a shell script.",
            "",
            "The event is first written to a spool in the data directory; if the engine cannot take it within "
                    + "--wait, it stays there (exit 7) and the next ship run from the same data directory delivers "
                    + "it, together with its own."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  build-analytics ship --es https://es.example.com:9200 \\",
            "      --api-key-file key.txt --server-name gitlab-main \\",
            "      --server-product 'GitLab CI' --pipeline shop/build \\",
            "      --run-number 42 --result success \\",
            "      --started 2026-03-02T09:00:00Z --revision 9fceb02 --branch main",
            "  build-analytics ship --es http://localhost:9200 --file build.json",
            "  build-analytics ship --dry-run --file - < build.json"})
public final class ShipCommand implements Callable<Integer> {

    /** ECS {@code agent.type} of the events this command sends, as the schema lists it. */
    static final String SENDER_TYPE = "cli";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    // A mixin, not an @ArgGroup: a group silently starts a second instance when a flag is repeated, losing the
    // flags given before it, where a plain option is refused as given twice.
    @Mixin(name = "build")
    BuildFlags build;

    @Option(names = "--file", paramLabel = "FILE", order = 100,
            description = "The build as JSON (the format is in the documentation), or - for standard input. "
                    + "Not together with the build flags")
    String file;

    @Option(names = "--dry-run", order = 101,
            description = "Check the build and print the document that would be indexed ({_index, _id, _source}); "
                    + "send nothing, touch no spool")
    boolean dryRun;

    @Option(names = "--wait", paramLabel = "TIME", order = 102, defaultValue = "30s", converter = WaitConverter.class,
            description = "How long to wait for the engine before leaving the event queued (exit 7): 30s, 2m, 0 "
                    + "(default: ${DEFAULT-VALUE})")
    Duration wait;

    @Option(names = "--data-dir", paramLabel = "DIR", order = 103,
            description = "Spool and dead-letter file; keep it between runs (default: $" + DataDirectory.HOME_VARIABLE
                    + "/ship, else $XDG_STATE_HOME or ~/.local/state, then build-analytics/ship)")
    Path dataDirectory;

    @Mixin
    EngineOptions engine;

    private Map<String, String> environment = System.getenv();
    private InputStream stdin = System.in;

    @Override
    public Integer call() {
        return ship();
    }

    private int ship() {
        // Usage first (exit 2), then the build's validity (exit 6), then delivery: a script's author fixes one
        // thing at a time, in the order they wrote them.
        List<String> buildFlags = buildFlagsGiven();
        if (file != null && !buildFlags.isEmpty()) {
            throw new CliFailure(ExitCode.USAGE, "Give the build either by flags or by --file, not both ("
                    + String.join(", ", buildFlags) + " given with --file)");
        }
        IndexNaming naming = engine.naming();
        EngineConnection connection = dryRun ? null : engine.connection();
        Path directory = dryRun ? null
                : DataDirectory.resolve(dataDirectory, environment, System.getProperty("user.home"));

        BuildFacts facts = WithoutCredentials.of(file != null ? FactsFile.read(file, stdin)
                : FlagFacts.from(build, Instant.now()));
        Sender sender = new Sender(SENDER_TYPE, BuildAnalytics.version());
        BuildEvent event = EventPreview.of(facts, naming, sender);
        PrintWriter out = spec.commandLine().getOut();
        if (dryRun) {
            out.println(dryRunDocument(event));
            out.flush();
            return ExitCode.OK;
        }

        ShipperSettings settings = ShipperSettings.defaults(connection, sender, directory)
                .withNaming(naming)
                // One event, then exit: send at once instead of lingering for a batch to fill, and retry often
                // within --wait rather than back off for minutes as a long-running plugin does.
                .withBatching(ShipperSettings.DEFAULT_BATCH_SIZE, ShipperSettings.DEFAULT_MAX_BATCH_BYTES,
                        Duration.ZERO)
                .withBackoff(Duration.ofMillis(250), Duration.ofSeconds(5));
        SpoolDelivery.Result result = SpoolDelivery.ship(settings, facts, event.id(), wait);
        for (String line : ShipMessages.outcome(result, facts, event, connection.describeTarget(), directory, wait)) {
            out.println(line);
        }
        out.flush();
        return ExitCode.OK;
    }

    /** The build flags given on this command line; found through picocli so that defaults never count. */
    private List<String> buildFlagsGiven() {
        List<OptionSpec> buildOptions = spec.mixins().get("build").options();
        return spec.commandLine().getParseResult().matchedOptions().stream()
                .filter(buildOptions::contains)
                .map(OptionSpec::longestName)
                .distinct()
                .toList();
    }

    /** The shape the engine returns a document in, so {@code jq ._source} reads it the same way. */
    private static String dryRunDocument(BuildEvent event) {
        ObjectNode document = JSON.createObjectNode();
        document.put("_index", event.index());
        document.put("_id", event.id());
        document.set("_source", event.document());
        return document.toPrettyString();
    }

    /** For tests: the environment the default data directory is read from, and standard input for --file -. */
    ShipCommand with(Map<String, String> variables, InputStream input) {
        this.environment = variables;
        this.stdin = input;
        return this;
    }
}
