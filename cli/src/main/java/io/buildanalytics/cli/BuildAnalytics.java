package io.buildanalytics.cli;

import io.buildanalytics.cli.demo.DemoCommand;
import io.buildanalytics.cli.report.ReportCommand;
import io.buildanalytics.cli.setup.SetupCommand;
import io.buildanalytics.cli.ship.ShipCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code build-analytics} command: one process, one sub-command, an exit code that says what happened. */
@Command(name = "build-analytics",
        mixinStandardHelpOptions = true,
        versionProvider = BuildAnalytics.Version.class,
        description = "Build events from Jenkins, TeamCity or any CI into Elasticsearch or OpenSearch, "
                + "and the CI/CD metrics they give.",
        subcommands = {DemoCommand.class, SetupCommand.class, ReportCommand.class, ShipCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Done.",
            "1:Failed for another reason; the message says why.",
            "2:Bad flags or arguments.",
            "3:Server unreachable, timed out, or TLS not trusted.",
            "4:Credentials refused or privilege missing (HTTP 401/403).",
            "5:Wrong product or unsupported version on the other side.",
            "6:ship: the build is not valid; nothing was queued.",
            "7:ship: queued, not yet delivered; the next ship run delivers it."})
public final class BuildAnalytics implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        quietLibraryLogging();
        CommandLine commandLine = commandLine();
        // Java 17 writes in the platform charset, which is ASCII under a bare C locale; reports use "·" and "–".
        commandLine.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        commandLine.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        System.exit(commandLine.execute(args));
    }

    /** The configured command line; tests run commands through this exactly as {@link #main} does. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new BuildAnalytics());
        commandLine.setExecutionExceptionHandler(BuildAnalytics::failed);
        commandLine.setParameterExceptionHandler(BuildAnalytics::badUsage);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setUsageHelpWidth(100);
        commandLine.setUsageHelpAutoWidth(true);
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            sub.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n")
                    .exitCodeList(commandLine.getCommandSpec().usageMessage().exitCodeList());
        }
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version of this build, also written into the events {@code ship} and {@code demo} send. */
    public static String version() {
        try (InputStream in = BuildAnalytics.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "development");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int failed(Exception error, CommandLine commandLine, CommandLine.ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        if (error instanceof CliFailure failure) {
            err.println("build-analytics: " + failure.getMessage());
            if (failure.exitCode() == ExitCode.USAGE) {
                err.println(helpHint(commandLine));
            }
            return failure.exitCode();
        }
        err.println("build-analytics: unexpected error: " + error);
        if (Boolean.getBoolean("buildanalytics.debug")) {
            error.printStackTrace(err);
        } else {
            err.println("(run with -Dbuildanalytics.debug=true, or BUILD_ANALYTICS_DEBUG=1, for the stack trace)");
        }
        return ExitCode.FAILED;
    }

    /**
     * A bad flag, from picocli or from a command's own checks: one line that says what is wrong, one that says where
     * help is; not the whole usage text.
     */
    private static int badUsage(CommandLine.ParameterException error, String[] args) {
        CommandLine at = error.getCommandLine();
        PrintWriter err = at.getErr();
        err.println("build-analytics: " + error.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(error, err);
        err.println(helpHint(at));
        return ExitCode.USAGE;
    }

    private static String helpHint(CommandLine at) {
        return "Try '" + at.getCommandSpec().qualifiedName() + " --help'.";
    }

    /**
     * The engine clients and the shipper log through java.util.logging and slf4j; on a terminal only our own
     * lines should appear, so library logging is limited to severe messages unless debugging.
     */
    private static void quietLibraryLogging() {
        if ("1".equals(System.getenv("BUILD_ANALYTICS_DEBUG"))) {
            System.setProperty("buildanalytics.debug", "true");
            return;
        }
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.SEVERE);
        java.util.logging.ConsoleHandler handler = new java.util.logging.ConsoleHandler();
        handler.setLevel(Level.SEVERE);
        root.addHandler(handler);
    }

    /** Reports the version for --version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"build-analytics " + version(), "Java " + System.getProperty("java.version")
                    + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
