package io.buildanalytics.kibana.install;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What an installation did: the template step, the dashboards step, or both, each only when it was asked for. */
public final class InstallReport {

    private final TemplateReport template;
    private final DashboardsReport dashboards;

    InstallReport(TemplateReport template, DashboardsReport dashboards) {
        this.template = template;
        this.dashboards = dashboards;
    }

    public Optional<TemplateReport> template() {
        return Optional.ofNullable(template);
    }

    public Optional<DashboardsReport> dashboards() {
        return Optional.ofNullable(dashboards);
    }

    /** One line per step, for a command line to print. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        template().ifPresent(step -> lines.add(step.describe()));
        dashboards().ifPresent(step -> {
            lines.add(step.describe());
            step.warnings().forEach(warning -> lines.add("  warning: " + warning));
        });
        return lines;
    }

    @Override
    public String toString() {
        return String.join(System.lineSeparator(), lines());
    }
}
