package io.buildanalytics.shipper;

import io.buildanalytics.localengine.EngineKind;
import io.buildanalytics.localengine.LocalEngine;
import io.buildanalytics.model.event.Sender;
import io.buildanalytics.model.schema.IndexNaming;
import io.buildanalytics.shipper.connection.EngineConnection;
import io.buildanalytics.shipper.connection.EngineProduct;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** Shipper settings for tests: small batches, short linger and backoff, so failures show up within seconds. */
public final class TestShippers {

    static final Sender SENDER = new Sender("test", "0.0.0");

    private TestShippers() {
    }

    public static EngineProduct productOf(EngineKind kind) {
        return kind == EngineKind.ELASTICSEARCH ? EngineProduct.ELASTICSEARCH : EngineProduct.OPENSEARCH;
    }

    /** A loopback port where nothing listens: connections to it are refused at once. */
    public static int unusedLocalPort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** {@link #unusedLocalPort()} as an http URL. */
    public static URI unusedLocalUrl() throws java.io.IOException {
        return URI.create("http://127.0.0.1:" + unusedLocalPort());
    }

    static ShipperSettings settings(LocalEngine engine, String prefix, Path dataDirectory) {
        return settings(productOf(engine.kind()), engine.baseUri(), prefix, dataDirectory);
    }

    static ShipperSettings settings(EngineProduct product, URI url, String prefix, Path dataDirectory) {
        return ShipperSettings.defaults(EngineConnection.to(product, url)
                                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10)), SENDER, dataDirectory)
                .withNaming(IndexNaming.withPrefix(prefix))
                .withBatching(100, 4L * 1024 * 1024, Duration.ofMillis(50))
                .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(2));
    }
}
