package io.buildanalytics.kibana.install;

import io.buildanalytics.kibana.bundle.Bundle;
import io.buildanalytics.kibana.bundle.Flavor;
import io.buildanalytics.model.schema.IndexNaming;
import io.buildanalytics.shipper.connection.EngineConnection;
import java.util.function.Function;

/**
 * Sets up Build Analytics' side of the engine and the dashboards server: the event index template, then the
 * dashboards bundle for whichever of Kibana or OpenSearch Dashboards the server turns out to be. Stops at the
 * first step that fails; an {@link InstallException}'s message says what went wrong and what to do.
 */
public final class Installer {

    private final DashboardsImporter dashboards;

    /** @param bundles the bundle for each flavour; called only for the flavour the server turns out to be */
    public Installer(Function<Flavor, Bundle> bundles) {
        this.dashboards = new DashboardsImporter(bundles);
    }

    /**
     * Runs the plan's steps, template first.
     *
     * @throws IllegalArgumentException when a step's settings cannot work (a CA text without a certificate)
     */
    public InstallReport install(InstallPlan plan) throws InstallException {
        TemplateReport template = plan.engine() == null ? null : installTemplate(plan.engine(), plan.naming());
        DashboardsReport imported = plan.dashboards() == null ? null : importDashboards(plan.dashboards());
        return new InstallReport(template, imported);
    }

    /** Puts the index template into the engine (replacing the engine's) and closes the connection. */
    public TemplateReport installTemplate(EngineConnection engine, IndexNaming naming) throws InstallException {
        return TemplateStep.run(engine, naming);
    }

    /** Imports the bundle for the detected product, overwriting earlier imports of the same objects. */
    public DashboardsReport importDashboards(DashboardsTarget target) throws InstallException {
        return dashboards.importInto(target);
    }

    /** Only asks the server what it is, and checks that its version is supported; imports nothing. */
    public DetectedServer detect(DashboardsTarget target) throws InstallException {
        return dashboards.detect(target);
    }
}
