package io.buildanalytics.kibana.install;

import io.buildanalytics.kibana.bundle.Bundle;
import io.buildanalytics.kibana.bundle.Flavor;
import java.util.function.Function;

/** Small bundles shaped like the real ones: one saved object per line, a long line, non-ASCII titles. */
final class TestBundles {

    static final Bundle KIBANA = new Bundle(Flavor.KIBANA, bundle("Kibana"));
    static final Bundle OPENSEARCH_DASHBOARDS = new Bundle(Flavor.OPENSEARCH_DASHBOARDS, bundle("OSD"));

    private TestBundles() {
    }

    static Function<Flavor, Bundle> both() {
        return flavor -> flavor == Flavor.KIBANA ? KIBANA : OPENSEARCH_DASHBOARDS;
    }

    private static String bundle(String product) {
        // A Vega spec is long; a line well past 1000 characters makes sure nothing splits or limits lines.
        String longSpec = "x".repeat(5000);
        return "{\"type\":\"index-pattern\",\"id\":\"cicd-events\",\"attributes\":{\"title\":\"cicd-events*\"}}\n"
                + "{\"type\":\"visualization\",\"id\":\"build-durations\",\"attributes\":"
                + "{\"title\":\"Build durations — " + product + " ✓ Übersicht\",\"visState\":\"" + longSpec + "\"}}\n"
                + "{\"type\":\"dashboard\",\"id\":\"ci-overview\",\"attributes\":{\"title\":\"CI overview\"}}\n";
    }
}
