package io.buildanalytics.cli.demo;

import io.buildanalytics.kibana.query.HttpEngineSearch;
import io.buildanalytics.localengine.EngineKind;
import io.buildanalytics.localengine.LocalEngine;
import io.buildanalytics.model.schema.IndexNaming;
import io.buildanalytics.shipper.connection.EngineConnection;
import io.buildanalytics.shipper.connection.EngineProduct;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * The demo history of 1 January to 31 March 2026, shipped once per engine kind and test run into the
 * {@code report-it} indices through the demo's own delivery; tests only read it.
 */
public final class DemoEngines {

    public static final DemoHistory HISTORY = DemoHistory.generate(90, LocalDate.of(2026, 3, 31),
            DemoCommand.DEFAULT_SEED);
    public static final IndexNaming NAMING = IndexNaming.withPrefix("report-it");

    private static final Set<EngineKind> SHIPPED = EnumSet.noneOf(EngineKind.class);

    private DemoEngines() {
    }

    public static synchronized LocalEngine withHistory(LocalEngine engine) throws Exception {
        if (SHIPPED.add(engine.kind())) {
            engine.http().delete("/" + NAMING.indexPattern());
            EngineConnection connection = EngineConnection.to(product(engine.kind()), engine.baseUri());
            Path spool = Files.createTempDirectory("report-it-spool");
            DemoDelivery.ship(HISTORY, connection, NAMING, spool, new PrintWriter(new StringWriter()));
            new HttpEngineSearch(engine.baseUri()).refresh(NAMING.indexPattern());
        }
        return engine;
    }

    public static EngineProduct product(EngineKind kind) {
        return kind == EngineKind.ELASTICSEARCH ? EngineProduct.ELASTICSEARCH : EngineProduct.OPENSEARCH;
    }
}
