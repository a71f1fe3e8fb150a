package io.buildanalytics.shipper;

import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.shipper.connection.EngineProduct;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * A CI server in a box, for the crash test: a separate JVM that finishes {@code count} builds into a shipper and
 * prints a line after each accepted one and the shipper's progress, until it is killed.
 *
 * <p>Arguments: engine product, engine URL, index prefix, data directory, job name, count.
 */
public final class ShippingProcess {

    private ShippingProcess() {
    }

    public static void main(String[] args) throws Exception {
        EngineProduct product = EngineProduct.valueOf(args[0]);
        ShipperSettings settings = TestShippers.settings(product, URI.create(args[1]), args[2], Path.of(args[3]))
                .withBatching(50, 4L * 1024 * 1024, java.time.Duration.ZERO);
        List<BuildFacts> runs = Runs.of(args[4], Integer.parseInt(args[5]));
        Shipper shipper = Shipper.start(settings, HistoryLookup.none());
        for (BuildFacts run : runs) {
            if (!shipper.accept(run)) {
                System.out.println("rejected " + run.run().number());
                System.exit(2);
            }
            System.out.println("accepted " + run.run().number());
        }
        while (true) {
            ShipperStatus status = shipper.status();
            System.out.println("status sent=" + status.sent() + " queued=" + status.queued());
            Thread.sleep(20);
        }
    }
}
