package io.buildanalytics.cli.setup;

import io.buildanalytics.cli.CliFailure;
import io.buildanalytics.cli.ExitCode;
import io.buildanalytics.cli.engine.EngineOptions;
import io.buildanalytics.cli.engine.SecurityFlags;
import io.buildanalytics.kibana.bundle.BundleBuilder;
import io.buildanalytics.kibana.install.DashboardsTarget;
import io.buildanalytics.kibana.install.InstallException;
import io.buildanalytics.kibana.install.InstallPlan;
import io.buildanalytics.kibana.install.InstallReport;
import io.buildanalytics.kibana.install.Installer;
import io.buildanalytics.shipper.connection.Auth;
import io.buildanalytics.shipper.connection.TlsSettings;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code setup}: the index template into the engine and the dashboards into Kibana or OpenSearch Dashboards, the
 * one-time work before (or after) the plugins send events. Safe to repeat: both are replaced in place.
 */
@Command(name = "setup", mixinStandardHelpOptions = true,
        description = {"Installs the index template into Elasticsearch or OpenSearch (--es) and imports the "
                + "dashboards into Kibana 8-9 or OpenSearch Dashboards 2-3 (--kibana), detecting which one it is. "
                + "Repeating it updates both in place; a newer template is left alone.",
            "",
            "Kibana credentials default to the engine's (--user/--api-key-file) unless --kibana-user or "
                + "--kibana-api-key-file is given.",
            "",
            "Examples:",
            "  build-analytics setup --es http://localhost:9200 --kibana http://localhost:5601",
            "  BUILD_ANALYTICS_PASSWORD=... build-analytics setup --es https://es:9200 --user admin "
                + "--kibana https://kibana:5601 --space ci"})
public final class SetupCommand implements Runnable {


    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Option(names = "--kibana", paramLabel = "URL",
            description = "Kibana or OpenSearch Dashboards URL, e.g. http://localhost:5601 (with its base path if any)")
    String kibana;

    @Option(names = "--space", paramLabel = "ID",
            description = "Kibana space to import into (default: the default space)")
    String space;

    @Option(names = "--kibana-user", paramLabel = "NAME",
            description = "User for Kibana; the password comes from --kibana-password-file or $"
                    + SecurityFlags.KIBANA_PASSWORD_VARIABLE)
    String kibanaUser;

    @Option(names = "--kibana-password-file", paramLabel = "FILE",
            description = "File holding the Kibana user's password")
    Path kibanaPasswordFile;

    @Option(names = "--kibana-api-key-file", paramLabel = "FILE",
            description = "File holding a Kibana API key; or set $" + SecurityFlags.KIBANA_API_KEY_VARIABLE)
    Path kibanaApiKeyFile;

    @Option(names = "--kibana-ca-cert", paramLabel = "PEM", description = "CA certificate(s) to trust for Kibana")
    Path kibanaCaCertificate;

    @Option(names = "--kibana-insecure", description = "Do not verify Kibana's TLS certificate (never in production)")
    boolean kibanaInsecure;

    @Option(names = "--template-only", description = "Only install the index template (--kibana not needed)")
    boolean templateOnly;

    @Option(names = "--dashboards-only", description = "Only import the dashboards (--es not needed)")
    boolean dashboardsOnly;

    Map<String, String> environment = System.getenv();

    @Override
    public void run() {
        InstallPlan plan = plan();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Setting up: " + plan + "…");
        out.flush();
        try {
            InstallReport report = new Installer(BundleBuilder::shipped).install(plan);
            report.lines().forEach(out::println);
            out.flush();
        } catch (InstallException e) {
            throw new CliFailure(exitCode(e.problem()), e.getMessage(), e);
        }
    }

    private InstallPlan plan() {
        if (templateOnly && dashboardsOnly) {
            throw new CliFailure(ExitCode.USAGE, "Give at most one of --template-only and --dashboards-only");
        }
        if (!dashboardsOnly && !engine.urlGiven()) {
            throw new CliFailure(ExitCode.USAGE, "No engine given: add --es URL for the index template, or "
                    + "--dashboards-only");
        }
        if (!templateOnly && kibana == null) {
            throw new CliFailure(ExitCode.USAGE, "No Kibana given: add --kibana URL for the dashboards, or "
                    + "--template-only");
        }
        try {
            if (templateOnly) {
                return InstallPlan.templateOnly(engine.connection(), engine.naming());
            }
            if (dashboardsOnly) {
                return InstallPlan.dashboardsOnly(dashboards());
            }
            return InstallPlan.both(engine.connection(), engine.naming(), dashboards());
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCode.USAGE, e.getMessage(), e);
        }
    }

    private DashboardsTarget dashboards() {
        URI url = EngineOptions.checkedUrl(kibana, "--kibana");
        DashboardsTarget target = DashboardsTarget.to(url).withAuth(kibanaAuth()).withTls(kibanaTls());
        return space == null ? target : target.inSpace(space);
    }

    /** Kibana's own credentials when given; the engine's otherwise, as Kibana usually shares its users. */
    private Auth kibanaAuth() {
        if (SecurityFlags.KIBANA.given(kibanaUser, kibanaPasswordFile, kibanaApiKeyFile, environment)) {
            return SecurityFlags.KIBANA.auth(kibanaUser, kibanaPasswordFile, kibanaApiKeyFile, environment);
        }
        return engine.auth();
    }

    private TlsSettings kibanaTls() {
        return SecurityFlags.KIBANA.tls(kibanaInsecure, kibanaCaCertificate);
    }

    static int exitCode(InstallException.Problem problem) {
        return switch (problem) {
            case UNREACHABLE, TIMEOUT, TLS -> ExitCode.UNREACHABLE;
            case AUTHENTICATION, AUTHORIZATION -> ExitCode.REFUSED;
            case WRONG_PRODUCT, UNSUPPORTED_VERSION -> ExitCode.INCOMPATIBLE;
            case SPACE -> ExitCode.USAGE;
            default -> ExitCode.FAILED;
        };
    }
}
