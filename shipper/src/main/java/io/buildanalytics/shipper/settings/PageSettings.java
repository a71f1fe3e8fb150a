package io.buildanalytics.shipper.settings;

import io.buildanalytics.model.derive.DeploymentRules;
import io.buildanalytics.model.event.Sender;
import io.buildanalytics.shipper.ShipperSettings;
import io.buildanalytics.shipper.connection.EngineConnection;
import java.net.URI;
import java.nio.file.Path;

/** The admin page's values turned into what the shipper runs with, the same way on every CI server. */
public final class PageSettings {

    private PageSettings() {
    }

    /** The admin's deployment name patterns and production environments. */
    public static DeploymentRules deploymentRules(String patterns, String productionEnvironments) {
        return DeploymentRules.of(FieldRules.deploymentPatterns(patterns))
                .withProductionEnvironments(FieldRules.productionEnvironments(productionEnvironments));
    }

    /** @throws IllegalArgumentException naming the field's problem, for the page */
    public static ShipperSettings shipperSettings(EngineConnection connection, Sender sender, Path dataDirectory,
                                                  String indexPrefix, DeploymentRules rules, int diskBudgetMb) {
        return ShipperSettings.defaults(connection, sender, dataDirectory)
                .withNaming(FieldRules.indexPrefix(indexPrefix))
                .withRules(rules)
                .withDiskBudget(FieldRules.diskBudgetBytes(diskBudgetMb));
    }

    /** The name dashboards show for the CI server: the admin's choice, else the root URL's host, else the fallback. */
    public static String serverName(String configured, String rootUrl, String fallback) {
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        if (rootUrl != null) {
            try {
                String host = URI.create(rootUrl).getHost();
                if (host != null) {
                    return host;
                }
            } catch (IllegalArgumentException e) {
                // fall through to the generic name
            }
        }
        return fallback;
    }
}
