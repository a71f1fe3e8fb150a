package io.buildanalytics.bench.engine;

import io.buildanalytics.shipper.connection.EngineConnection;
import io.buildanalytics.shipper.connection.EngineProduct;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;

/**
 * An engine address nothing listens on: the shipper then keeps every event in its spool, as during an engine
 * outage, so that what is measured is the build-side path alone and the spool holds exactly what was put in.
 */
public final class ClosedPort {

    private ClosedPort() {
    }

    public static EngineConnection connection() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return EngineConnection.to(EngineProduct.ELASTICSEARCH, URI.create("http://127.0.0.1:" + socket.getLocalPort()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free local port", e);
        }
    }
}
