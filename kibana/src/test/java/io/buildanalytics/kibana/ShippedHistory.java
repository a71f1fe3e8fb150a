package io.buildanalytics.kibana;

import io.buildanalytics.localengine.EngineKind;
import io.buildanalytics.localengine.LocalEngine;
import io.buildanalytics.model.event.Sender;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.schema.IndexNaming;
import io.buildanalytics.shipper.Shipper;
import io.buildanalytics.shipper.ShipperSettings;
import io.buildanalytics.shipper.ShipperStatus;
import io.buildanalytics.shipper.connection.EngineConnection;
import io.buildanalytics.shipper.connection.EngineProduct;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Puts {@link KnownHistory} into a real engine through the shipper, as the plugins would: template, derivations
 * from the history, bulk delivery into the default {@code cicd-events-YYYY.MM} indices.
 */
final class ShippedHistory {

    private ShippedHistory() {
    }

    static void ship(LocalEngine engine, Path dataDirectory) throws Exception {
        engine.http().delete("/" + IndexNaming.defaults().indexPattern());
        List<BuildFacts> runs = KnownHistory.runs();
        EngineProduct product = engine.kind() == EngineKind.ELASTICSEARCH
                ? EngineProduct.ELASTICSEARCH : EngineProduct.OPENSEARCH;
        ShipperSettings settings = ShipperSettings.defaults(EngineConnection.to(product, engine.baseUri()),
                        new Sender("test", "0.0.0"), dataDirectory)
                .withRules(KnownHistory.RULES)
                .withBatching(100, 4L * 1024 * 1024, Duration.ofMillis(50));
        try (Shipper shipper = Shipper.start(settings, KnownHistory.historyLookup(runs))) {
            runs.forEach(shipper::accept);
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            ShipperStatus status = shipper.status();
            while (status.sent() + status.deadLettered() < runs.size()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("The shipper did not deliver the history: " + status.summary());
                }
                Thread.sleep(50);
                status = shipper.status();
            }
            if (status.deadLettered() > 0) {
                throw new AssertionError("The engine refused events: " + status.summary());
            }
        }
        engine.http().refresh(IndexNaming.defaults().indexPattern()).requireSuccess();
    }
}
