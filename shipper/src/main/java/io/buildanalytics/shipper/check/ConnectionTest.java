package io.buildanalytics.shipper.check;

import io.buildanalytics.model.schema.IndexNaming;
import io.buildanalytics.shipper.backend.AccessReport;
import io.buildanalytics.shipper.backend.Backend;
import io.buildanalytics.shipper.backend.BackendException;
import io.buildanalytics.shipper.backend.EngineInfo;
import io.buildanalytics.shipper.connection.EngineConnection;
import io.buildanalytics.shipper.template.TemplateInstaller;
import io.buildanalytics.shipper.template.TemplateStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks a connection the way delivery will use it, one step at a time, and stops at the first step that fails
 * with a sentence about that step: reach the engine (network, TLS, product), authenticate, check the privileges
 * the shipper needs, read the template. It writes nothing.
 */
public final class ConnectionTest {

    private ConnectionTest() {
    }

    public static ConnectionVerdict run(EngineConnection connection, IndexNaming naming,
                                        Function<EngineConnection, Backend> backends) {
        Backend backend;
        try {
            backend = backends.apply(connection);
        } catch (RuntimeException e) {
            return failed("The settings cannot be used: " + e.getMessage(), List.of(), null, null);
        }
        try (backend) {
            return check(connection, naming, backend);
        }
    }

    private static ConnectionVerdict check(EngineConnection connection, IndexNaming naming, Backend backend) {
        List<String> details = new ArrayList<>();
        EngineInfo engine = null;
        try {
            engine = backend.info();
            details.add("Engine: " + engine + " at " + connection.describeTarget() + ".");
            if (!supported(engine)) {
                details.add(engine + " is older than this plugin supports (Elasticsearch 8+, OpenSearch 2+); "
                        + "events may be refused.");
            }
        } catch (BackendException e) {
            if (e.problem() != BackendException.Problem.AUTHORIZATION) {
                return failed(e.getMessage(), List.of(advice(e, connection)), null, null);
            }
            // Least privilege: reading the version needs the cluster 'monitor' privilege, delivering does not.
            details.add("The engine's version could not be read (" + e.getMessage() + "); "
                    + "that needs the cluster privilege 'monitor' and is optional.");
        }

        Optional<AccessReport> access;
        try {
            access = backend.access(naming.indexPattern(), naming.templateName());
        } catch (BackendException e) {
            return failed(e.getMessage(), withAdvice(details, e, connection), engine, null);
        }
        boolean canManageTemplates = true;
        if (access.isPresent()) {
            AccessReport report = access.get();
            details.add("Authenticated as '" + report.user() + "' (" + connection.auth().describe() + ").");
            if (!report.canWrite()) {
                return failed("Connected as '" + report.user() + "', but it cannot write build events: it lacks "
                        + String.join("; ", report.missingWritePrivileges())
                        + ". Grant them to one of the user's roles, or use another credential.", details, engine, null);
            }
            canManageTemplates = report.canManageTemplates();
        } else {
            details.add("The engine does not check credentials (security is off), so privileges were not checked.");
        }

        TemplateStatus template = null;
        try {
            template = new TemplateInstaller(naming).inspect(backend);
            details.add(template.sentence());
        } catch (BackendException e) {
            if (canManageTemplates || e.problem() != BackendException.Problem.AUTHORIZATION) {
                return failed("Connected, but could not read the index template '" + naming.templateName() + "': "
                        + e.getMessage(), withAdvice(details, e, connection), engine, null);
            }
            details.add("The index template could not be read with these credentials (" + e.getMessage() + ").");
        }
        String target = engine == null ? connection.product().displayName() : engine.toString();
        if (!canManageTemplates) {
            String who = "'" + access.map(AccessReport::user).orElse("?") + "'";
            if (template != null && template.state() == TemplateStatus.State.MISSING) {
                return failed("Connected to " + target + " as " + who + ", which can write events but not install "
                        + "the index template '" + naming.templateName() + "', and it is missing. Install it once "
                        + "with an admin user, or grant the cluster privilege manage_index_templates; until then "
                        + "events wait in the spool.", details, engine, template);
            }
            return new ConnectionVerdict(ConnectionVerdict.Level.WARNING, "Connected to " + target + " as " + who
                    + ", which can write events but not manage the index template (cluster privilege "
                    + "manage_index_templates): after an upgrade that changes the event schema, an admin must "
                    + "install the new template.", details, engine, template);
        }
        String headline = "Connected to " + target + ". Build events will be delivered to indices "
                + naming.indexPattern() + ".";
        if (engine != null && !supported(engine)) {
            return new ConnectionVerdict(ConnectionVerdict.Level.WARNING, headline, details, engine, template);
        }
        return new ConnectionVerdict(ConnectionVerdict.Level.OK, headline, details, engine, template);
    }

    private static boolean supported(EngineInfo engine) {
        return switch (engine.product()) {
            case ELASTICSEARCH -> engine.major() >= 8;
            case OPENSEARCH -> engine.major() >= 2;
        };
    }

    private static List<String> withAdvice(List<String> details, BackendException e, EngineConnection connection) {
        List<String> all = new ArrayList<>(details);
        all.add(advice(e, connection));
        return all;
    }

    /** What a person can do about each kind of problem. */
    static String advice(BackendException e, EngineConnection connection) {
        return switch (e.problem()) {
            case UNREACHABLE -> "Check the URL and port, that the engine is running, and any firewall or proxy "
                    + "between this server and " + connection.describeTarget() + ".";
            case TIMEOUT -> "The engine accepted the connection but did not answer within "
                    + connection.readTimeout().toSeconds() + " s: it may be overloaded, or a proxy may hold the request.";
            case TLS -> "If the engine's certificate comes from a private certificate authority, paste that CA "
                    + "certificate (PEM) into the TLS settings; check that the URL's host name is in the certificate.";
            case AUTHENTICATION -> "The engine did not accept " + connection.auth().describe()
                    + ": check the user name and password, or that the key or token is still valid.";
            case AUTHORIZATION -> connection.auth().describe() + " is valid but not allowed to do this: grant "
                    + "the user's role write access to the event indices and the manage_index_templates privilege.";
            case WRONG_PRODUCT -> "Choose the backend that matches the engine (Elasticsearch or OpenSearch).";
            case THROTTLED, SERVER -> "The engine is up but not healthy right now; delivery will retry by itself.";
            case TOO_LARGE -> "A proxy in front of the engine limits the request size; raise its limit.";
            case REJECTED -> "The engine refused the request; its answer is quoted above.";
        };
    }

    private static ConnectionVerdict failed(String headline, List<String> details, EngineInfo engine,
                                            TemplateStatus template) {
        return new ConnectionVerdict(ConnectionVerdict.Level.FAILED, headline, details, engine, template);
    }
}
