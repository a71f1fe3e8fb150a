package io.buildanalytics.kibana.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildanalytics.kibana.bundle.BundleBuilder;
import io.buildanalytics.localengine.EngineKind;
import io.buildanalytics.localengine.LocalEngine;
import io.buildanalytics.localengine.LocalEngineExtension;
import io.buildanalytics.model.schema.EventFields;
import io.buildanalytics.model.schema.IndexNaming;
import io.buildanalytics.model.schema.IndexTemplate;
import io.buildanalytics.shipper.connection.EngineConnection;
import io.buildanalytics.shipper.connection.EngineProduct;
import io.buildanalytics.shipper.template.TemplateStatus;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The installer's template step on the real engines: installs the template, and never downgrades a newer one. */
class TemplateInstallIT {

    @RegisterExtension
    static final LocalEngineExtension ENGINES = new LocalEngineExtension();

    private final Installer installer = new Installer(BundleBuilder::shipped);

    private static EngineConnection connection(LocalEngine engine) {
        return EngineConnection.to(engine.kind() == EngineKind.ELASTICSEARCH
                ? EngineProduct.ELASTICSEARCH : EngineProduct.OPENSEARCH, engine.baseUri());
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void installsTheTemplateAndLeavesANewerOneAlone(EngineKind kind) throws Exception {
        LocalEngine engine = ENGINES.get(kind);
        IndexNaming naming = IndexNaming.withPrefix("it-setup");
        engine.http().delete("/_index_template/" + naming.templateName());

        TemplateReport installed = installer.installTemplate(connection(engine), naming);
        assertThat(installed.status().state()).isEqualTo(TemplateStatus.State.CURRENT);
        assertThat(installed.describe()).startsWith("Index template 'it-setup' (schema version "
                + EventFields.SCHEMA_VERSION + ") installed in ");
        assertThat(engine.http().get("/_index_template/it-setup").requireSuccess().json()
                .at("/index_templates/0/index_template/_meta/schema_version").asInt())
                .isEqualTo(EventFields.SCHEMA_VERSION);

        ObjectNode newer = IndexTemplate.build(naming);
        ((ObjectNode) newer.path("_meta")).put("schema_version", EventFields.SCHEMA_VERSION + 1);
        engine.http().put("/_index_template/it-setup", newer.toString()).requireSuccess();
        TemplateReport kept = installer.installTemplate(connection(engine), naming);
        assertThat(kept.status().state()).isEqualTo(TemplateStatus.State.NEWER);
        assertThat(kept.describe()).contains("left as it is");
        assertThat(engine.http().get("/_index_template/it-setup").requireSuccess().json()
                .at("/index_templates/0/index_template/_meta/schema_version").asInt())
                .isEqualTo(EventFields.SCHEMA_VERSION + 1);
        engine.http().delete("/_index_template/it-setup");
    }
}
