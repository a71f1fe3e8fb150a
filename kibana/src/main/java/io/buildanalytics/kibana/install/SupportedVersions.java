package io.buildanalytics.kibana.install;

import io.buildanalytics.kibana.bundle.Flavor;
import io.buildanalytics.kibana.install.InstallException.Problem;
import java.util.Set;

/**
 * Which major versions the bundles are made for. Kibana imports saved objects only into the same or a later
 * version than the one they were written for, so a 7.x Kibana cannot take the 8.x-shaped bundle; OpenSearch
 * Dashboards 1.x is outside what its bundle was written for.
 */
final class SupportedVersions {

    private static final Set<Integer> KIBANA = Set.of(8, 9);
    private static final Set<Integer> OPENSEARCH_DASHBOARDS = Set.of(2, 3);

    private SupportedVersions() {
    }

    static void check(DetectedServer server, String url) throws InstallException {
        boolean kibana = server.flavor() == Flavor.KIBANA;
        Set<Integer> supported = kibana ? KIBANA : OPENSEARCH_DASHBOARDS;
        if (!supported.contains(server.major())) {
            String name = server.flavor().productName();
            String wanted = kibana ? name + " 8.x or 9.x" : name + " 2.x or 3.x";
            throw new InstallException(Problem.UNSUPPORTED_VERSION, server + " at " + url + " is not supported:"
                    + " the Build Analytics dashboards need " + wanted + ".", null);
        }
    }
}
