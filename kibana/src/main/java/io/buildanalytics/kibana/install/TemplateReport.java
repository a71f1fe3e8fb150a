package io.buildanalytics.kibana.install;

import io.buildanalytics.shipper.backend.EngineInfo;
import io.buildanalytics.shipper.template.TemplateStatus;
import java.util.Objects;

/**
 * What the index template step did.
 *
 * @param engineUrl    where the engine is, as {@code EngineConnection.describeTarget()} puts it (no path, no secret)
 * @param engine       the product and version the engine reported
 * @param templateName the index template's name
 * @param status       the template's state afterwards
 */
public record TemplateReport(String engineUrl, EngineInfo engine, String templateName, TemplateStatus status) {

    public TemplateReport {
        Objects.requireNonNull(engineUrl, "engineUrl");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(templateName, "templateName");
        Objects.requireNonNull(status, "status");
    }

    /** One line for a person. */
    public String describe() {
        if (status.state() == TemplateStatus.State.NEWER) {
            return "Index template '" + templateName + "' left as it is in " + engine + " at " + engineUrl
                    + ": its schema version " + status.engineVersion() + " is newer than this installer's "
                    + status.shipperVersion();
        }
        return "Index template '" + templateName + "' (schema version " + status.shipperVersion() + ") installed in "
                + engine + " at " + engineUrl;
    }
}
