package io.buildanalytics.kibana.install;

import io.buildanalytics.kibana.bundle.Flavor;
import java.util.Objects;

/**
 * What the dashboards server said it is: Kibana or OpenSearch Dashboards, and its version number.
 *
 * @param flavor  the product, which is also the bundle flavour it takes
 * @param version its version number without a {@code -SNAPSHOT} suffix, e.g. {@code 8.15.0}
 */
public record DetectedServer(Flavor flavor, String version) {

    public DetectedServer {
        Objects.requireNonNull(flavor, "flavor");
        Objects.requireNonNull(version, "version");
    }

    /** The major version, or -1 when the version text does not start with a number. */
    public int major() {
        int dot = version.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public String toString() {
        return flavor.productName() + " " + version;
    }
}
