package io.buildanalytics.cli.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which events a report covers: a time range (inclusive start, inclusive end, like a dashboard's time filter) and
 * optional exact values for the CI server ({@code observer.name}), project ({@code ci.pipeline.project}), service
 * ({@code service.name}) and environment ({@code deployment.environment.name}). With an environment the
 * deployment measures count deployments to it; without, production deployments, as the dashboards do.
 */
public record ReportFilter(Instant from, Instant to, String server, String project, String service,
                           String environment) {

    public ReportFilter {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("The report's start " + from + " is not before its end " + to);
        }
    }

    public static ReportFilter between(Instant from, Instant to) {
        return new ReportFilter(from, to, null, null, null, null);
    }

    public ReportFilter withServer(String value) {
        return new ReportFilter(from, to, value, project, service, environment);
    }

    public ReportFilter withProject(String value) {
        return new ReportFilter(from, to, server, value, service, environment);
    }

    public ReportFilter withService(String value) {
        return new ReportFilter(from, to, server, project, value, environment);
    }

    public ReportFilter withEnvironment(String value) {
        return new ReportFilter(from, to, server, project, service, value);
    }

    /** The environment the deployment measures count, for headings. */
    public String deploymentTarget() {
        return environment == null ? "production" : environment;
    }

    /** "server jenkins-main, service shop", or "all servers, projects and services". */
    public String describeSelection() {
        List<String> parts = new ArrayList<>();
        if (server != null) {
            parts.add("server " + server);
        }
        if (project != null) {
            parts.add("project " + project);
        }
        if (service != null) {
            parts.add("service " + service);
        }
        if (environment != null) {
            parts.add("environment " + environment);
        }
        return parts.isEmpty() ? "all servers, projects and services" : String.join(", ", parts);
    }
}
