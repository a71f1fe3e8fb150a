package io.buildanalytics.kibana.install;

import java.util.List;
import java.util.Objects;

/**
 * What the dashboards import did.
 *
 * @param server          the product and version the server reported
 * @param url             the dashboards server's base URL
 * @param space           the Kibana space imported into, or null for the default space
 * @param bundleFile      the bundle's file name, which tells which flavour was imported
 * @param objectsInBundle saved objects in the bundle
 * @param objectsImported saved objects the server reported as imported
 * @param warnings        warnings the server gave with a successful import (Kibana only), usually none
 */
public record DashboardsReport(DetectedServer server, String url, String space, String bundleFile,
                               int objectsInBundle, int objectsImported, List<String> warnings) {

    public DashboardsReport {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(bundleFile, "bundleFile");
        warnings = List.copyOf(warnings);
    }

    /** One line for a person. */
    public String describe() {
        String into = space == null ? "" : " (space '" + space + "')";
        return "Dashboards: " + objectsImported + " of " + objectsInBundle + " saved objects from " + bundleFile
                + " imported into " + server + " at " + url + into;
    }
}
