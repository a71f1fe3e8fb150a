package io.buildanalytics.shipper.backend;

import io.buildanalytics.shipper.connection.EngineProduct;
import java.util.Objects;

/** What the engine reported about itself: product and version number, e.g. OpenSearch 2.19.4. */
public record EngineInfo(EngineProduct product, String version) {
    public EngineInfo {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(version, "version");
    }

    /** Major version number, or 0 when the version text does not start with one. */
    public int major() {
        int dot = version.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public String toString() {
        return product.displayName() + " " + version;
    }
}
