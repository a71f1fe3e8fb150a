package io.buildanalytics.bench.data;

import io.buildanalytics.cli.BuildAnalytics;
import io.buildanalytics.cli.demo.DemoHistory;
import io.buildanalytics.model.event.Sender;
import io.buildanalytics.model.schema.IndexNaming;
import io.buildanalytics.shipper.ShipperSettings;
import io.buildanalytics.shipper.connection.EngineConnection;
import java.nio.file.Path;

/** The settings every benchmark's shipper starts from: the plugins' defaults, the demo's deployment rules. */
public final class BenchSender {

    public static final Sender SENDER = new Sender("build-analytics-bench", BuildAnalytics.version());

    private BenchSender() {
    }

    public static ShipperSettings settings(EngineConnection connection, IndexNaming naming, Path dataDirectory) {
        return ShipperSettings.defaults(connection, SENDER, dataDirectory).withRules(DemoHistory.RULES).withNaming(naming);
    }
}
