package io.buildanalytics.kibana.install;

import io.buildanalytics.kibana.install.InstallException.Problem;
import io.buildanalytics.model.schema.IndexNaming;
import io.buildanalytics.shipper.backend.Backend;
import io.buildanalytics.shipper.backend.BackendException;
import io.buildanalytics.shipper.backend.Backends;
import io.buildanalytics.shipper.backend.EngineInfo;
import io.buildanalytics.shipper.connection.EngineConnection;
import io.buildanalytics.shipper.template.TemplateInstaller;
import io.buildanalytics.shipper.template.TemplateStatus;

/**
 * Puts the event index template into the engine through the shipper's own backend, so the installer reaches the
 * engine with exactly the connection settings (auth, TLS, proxy, SigV4) the plugins use. The template is written
 * even when the engine's is current (installing on purpose puts back a hand-edited template), but a newer one is
 * left alone, as the shipper does: a newer plugin installed it and this installer would remove its fields.
 */
final class TemplateStep {

    private TemplateStep() {
    }

    /** @throws IllegalArgumentException when the connection settings cannot work (a CA text without a certificate) */
    static TemplateReport run(EngineConnection engine, IndexNaming naming) throws InstallException {
        try (Backend backend = Backends.open(engine)) {
            // Asked first: a wrong product or refused credentials are reported before anything is written.
            EngineInfo info = backend.info();
            TemplateInstaller installer = new TemplateInstaller(naming);
            TemplateStatus found = installer.inspect(backend);
            TemplateStatus status = found.state() == TemplateStatus.State.NEWER ? found : installer.install(backend);
            return new TemplateReport(engine.describeTarget(), info, naming.templateName(), status);
        } catch (BackendException e) {
            // The shipper's messages already name the engine, the problem and the fix, and never a secret.
            throw new InstallException(Problem.TEMPLATE, "The index template '" + naming.templateName()
                    + "' could not be installed: " + e.getMessage(), e);
        }
    }
}
