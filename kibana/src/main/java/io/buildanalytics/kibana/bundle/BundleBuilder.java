package io.buildanalytics.kibana.bundle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildanalytics.kibana.catalog.Dashboard;
import io.buildanalytics.kibana.catalog.DashboardCatalog;
import io.buildanalytics.kibana.catalog.Panel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the catalog as one importable bundle per product: the data view first, then every panel once, then the
 * dashboards, one saved object per line. The two bundles differ only where the products do (see
 * {@link SavedObjects}): the data view's display name, the duration format, and dashboard options OpenSearch
 * Dashboards does not know.
 */
public final class BundleBuilder {

    private final DashboardCatalog catalog;

    public BundleBuilder(DashboardCatalog catalog) {
        this.catalog = catalog;
    }

    /** The bundles shipped in this jar, built from its catalog. */
    public static Bundle shipped(Flavor flavor) {
        return new BundleBuilder(DashboardCatalog.load()).build(flavor);
    }

    public Bundle build(Flavor flavor) {
        StringBuilder ndjson = new StringBuilder();
        append(ndjson, SavedObjects.dataView(flavor));
        Map<String, Panel> used = new LinkedHashMap<>();
        for (Dashboard dashboard : catalog.dashboards()) {
            dashboard.placements().forEach(p -> used.putIfAbsent(p.panelId(), catalog.panel(p.panelId())));
        }
        for (Panel panel : used.values()) {
            append(ndjson, switch (panel.type()) {
                case VEGA -> SavedObjects.vega(panel);
                case MARKDOWN -> SavedObjects.markdown(panel);
                case SEARCH -> SavedObjects.search(panel);
            });
        }
        for (Dashboard dashboard : catalog.dashboards()) {
            append(ndjson, SavedObjects.dashboard(dashboard, flavor, catalog::panel));
        }
        return new Bundle(flavor, ndjson.toString());
    }

    private static void append(StringBuilder ndjson, ObjectNode object) {
        ndjson.append(object).append('\n');
    }
}
