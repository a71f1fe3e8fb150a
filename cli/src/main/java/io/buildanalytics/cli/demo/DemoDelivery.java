package io.buildanalytics.cli.demo;

import io.buildanalytics.cli.BuildAnalytics;
import io.buildanalytics.cli.CliFailure;
import io.buildanalytics.cli.ExitCode;
import io.buildanalytics.cli.Progress;
import io.buildanalytics.model.event.Sender;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.schema.IndexNaming;
import io.buildanalytics.shipper.Shipper;
import io.buildanalytics.shipper.ShipperSettings;
import io.buildanalytics.shipper.ShipperStatus;
import io.buildanalytics.shipper.backend.BackendException;
import io.buildanalytics.shipper.check.ConnectionVerdict;
import io.buildanalytics.shipper.connection.EngineConnection;
import io.buildanalytics.shipper.spool.SpoolException;
import io.buildanalytics.shipper.template.TemplateStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Sends the demo history the way a plugin does: a {@link Shipper} with the demo's deployment rules and a history
 * lookup, the template installed first, every run handed to {@link Shipper#accept} and delivered in bulk. Tests
 * use it to put the demo history into their engines exactly as the demo does.
 */
public final class DemoDelivery {

    private static final Duration DELIVERY_LIMIT = Duration.ofMinutes(10);

    private DemoDelivery() {
    }

    public static ShipperStatus ship(DemoHistory history, EngineConnection connection, IndexNaming naming, Path dataDirectory,
                              PrintWriter out) {
        ShipperSettings settings = ShipperSettings.defaults(connection,
                        new Sender("build-analytics-demo", BuildAnalytics.version()), dataDirectory)
                .withRules(DemoHistory.RULES)
                .withNaming(naming)
                .withBatching(ShipperSettings.DEFAULT_BATCH_SIZE, ShipperSettings.DEFAULT_MAX_BATCH_BYTES,
                        Duration.ofMillis(50));
        try (Shipper shipper = Shipper.start(settings, history.historyLookup())) {
            ConnectionVerdict verdict = shipper.testConnection();
            if (!verdict.ok()) {
                throw new CliFailure(ExitCode.UNREACHABLE, verdict.oneLine());
            }
            TemplateStatus template = shipper.installTemplate();
            out.println(template.sentence());
            out.flush();
            for (BuildFacts run : history.runs()) {
                if (!shipper.accept(run)) {
                    throw new CliFailure(ExitCode.FAILED, "The shipper refused a run: " + shipper.status().summary());
                }
            }
            return awaitDelivery(shipper, history.runs().size(), out);
        } catch (SpoolException e) {
            throw new CliFailure(ExitCode.FAILED, "Cannot open the demo's spool in " + dataDirectory + ": "
                    + e.getMessage(), e);
        } catch (BackendException e) {
            throw new CliFailure(ExitCode.UNREACHABLE, "Cannot install the index template: " + e.getMessage(), e);
        }
    }

    private static ShipperStatus awaitDelivery(Shipper shipper, long total, PrintWriter out) {
        Instant deadline = Instant.now().plus(DELIVERY_LIMIT);
        try (Progress progress = Progress.start("Delivering build events", total, "events", out)) {
            ShipperStatus status = shipper.status();
            while (status.sent() + status.deadLettered() < total) {
                if (Instant.now().isAfter(deadline)) {
                    throw new CliFailure(ExitCode.FAILED, "The events were not delivered within "
                            + DELIVERY_LIMIT.toMinutes() + " minutes: " + status.summary());
                }
                progress.stepTo(status.sent() + status.deadLettered());
                Thread.sleep(100);
                status = shipper.status();
            }
            progress.stepTo(total);
            if (status.deadLettered() > 0) {
                throw new CliFailure(ExitCode.FAILED, "The engine refused " + status.deadLettered()
                        + " events; their reasons are in " + status.deadLetterFile());
            }
            return status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCode.FAILED, "Interrupted while delivering the events", e);
        }
    }
}
