package io.buildanalytics.kibana.install;

import io.buildanalytics.kibana.bundle.Bundle;
import io.buildanalytics.kibana.bundle.Flavor;
import java.util.Objects;
import java.util.function.Function;

/**
 * Imports the dashboards: asks the server what it is, checks the version and the space, and imports the bundle
 * made for that product.
 */
final class DashboardsImporter {

    private final Function<Flavor, Bundle> bundles;

    DashboardsImporter(Function<Flavor, Bundle> bundles) {
        this.bundles = Objects.requireNonNull(bundles, "bundles");
    }

    DetectedServer detect(DashboardsTarget target) throws InstallException {
        return new ServerDetector(new DashboardsHttp(target)).detect();
    }

    DashboardsReport importInto(DashboardsTarget target) throws InstallException {
        DashboardsHttp http = new DashboardsHttp(target);
        DetectedServer server = new ServerDetector(http).detect();
        String spacePrefix = new SpaceCheck(http).pathPrefix(server);
        Bundle bundle = bundleFor(server.flavor());
        ImportResult result = new SavedObjectsImport(http).run(server, spacePrefix, bundle);
        return new DashboardsReport(server, target.describe(), target.space(), bundle.fileName(),
                SavedObjectsImport.objectCount(bundle), result.successCount(), result.warnings());
    }

    private Bundle bundleFor(Flavor flavor) {
        Bundle bundle = bundles.apply(flavor);
        if (bundle == null || bundle.flavor() != flavor) {
            throw new IllegalStateException("The bundle supplier gave " + (bundle == null ? "nothing"
                    : "the " + bundle.flavor().productName() + " bundle") + " for " + flavor.productName());
        }
        return bundle;
    }
}
