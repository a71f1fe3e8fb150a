package io.buildanalytics.shipper.template;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildanalytics.model.schema.EventFields;
import io.buildanalytics.model.schema.IndexNaming;
import io.buildanalytics.model.schema.IndexTemplate;
import io.buildanalytics.shipper.backend.Backend;
import io.buildanalytics.shipper.backend.BackendException;
import java.util.Optional;

/**
 * Puts the event index template into the engine when it is missing or older than this shipper's schema version.
 * A newer template is never downgraded: during a rolling upgrade of several CI servers the newest plugin wins.
 */
public final class TemplateInstaller {

    private final IndexNaming naming;

    public TemplateInstaller(IndexNaming naming) {
        this.naming = naming;
    }

    /** How the engine's template compares, without changing anything. */
    public TemplateStatus inspect(Backend backend) throws BackendException {
        Optional<ObjectNode> installed = backend.indexTemplate(naming.templateName());
        int engineVersion = installed.map(IndexTemplate::schemaVersionOf).orElse(0);
        return TemplateStatus.compare(engineVersion, EventFields.SCHEMA_VERSION);
    }

    /** Installs or updates the template when needed; returns its state afterwards. */
    public TemplateStatus ensure(Backend backend) throws BackendException {
        TemplateStatus found = inspect(backend);
        return found.usable() ? found : install(backend);
    }

    /** Puts this shipper's template into the engine, replacing whatever is there; returns its state afterwards. */
    public TemplateStatus install(Backend backend) throws BackendException {
        backend.putIndexTemplate(naming.templateName(), IndexTemplate.build(naming));
        return TemplateStatus.compare(EventFields.SCHEMA_VERSION, EventFields.SCHEMA_VERSION);
    }
}
