package io.buildanalytics.kibana.install;

import io.buildanalytics.model.schema.IndexNaming;
import io.buildanalytics.shipper.connection.EngineConnection;
import java.util.Objects;

/**
 * Which steps to run: the index template into the engine, the dashboards into Kibana or OpenSearch Dashboards, or
 * both (template first, so the dashboards' data view finds its fields mapped).
 *
 * @param engine     the engine to put the template into, or null to leave the template out
 * @param naming     the index names the template is for (ignored without an engine)
 * @param dashboards the dashboards server, or null to leave the dashboards out
 */
public record InstallPlan(EngineConnection engine, IndexNaming naming, DashboardsTarget dashboards) {

    public InstallPlan {
        if (engine == null && dashboards == null) {
            throw new IllegalArgumentException("Nothing to install: give an engine for the index template, a"
                    + " dashboards server, or both");
        }
        naming = naming == null ? IndexNaming.defaults() : naming;
    }

    public static InstallPlan templateOnly(EngineConnection engine, IndexNaming naming) {
        return new InstallPlan(Objects.requireNonNull(engine, "engine"), naming, null);
    }

    public static InstallPlan dashboardsOnly(DashboardsTarget dashboards) {
        return new InstallPlan(null, null, Objects.requireNonNull(dashboards, "dashboards"));
    }

    public static InstallPlan both(EngineConnection engine, IndexNaming naming, DashboardsTarget dashboards) {
        return new InstallPlan(Objects.requireNonNull(engine, "engine"), naming,
                Objects.requireNonNull(dashboards, "dashboards"));
    }

    @Override
    public String toString() {
        String template = engine == null ? "no template"
                : "template '" + naming.templateName() + "' into " + engine.product().displayName() + " at "
                + engine.describeTarget() + " (" + engine.auth().describe() + ")";
        return "InstallPlan[" + template + ", " + (dashboards == null ? "no dashboards" : "dashboards into "
                + dashboards) + "]";
    }
}
