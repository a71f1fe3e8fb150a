package io.buildanalytics.shipper.backend;

import io.buildanalytics.shipper.connection.EngineConnection;
import io.buildanalytics.shipper.connection.EngineProduct;
import java.util.logging.Logger;

/**
 * Opens the {@link Backend} for a connection: the product's official client, set up with the connection's
 * credentials, TLS trust, proxy and timeouts. Opening does not contact the engine; the first call does.
 */
public final class Backends {

    private static final Logger LOG = Logger.getLogger(Backends.class.getName());

    private Backends() {
    }

    /**
     * @throws IllegalArgumentException when the settings cannot work (a CA text without a certificate, AWS SigV4
     *                                  with more than one URL or without https)
     */
    public static Backend open(EngineConnection connection) {
        TlsTrust tls = TlsTrust.of(connection.tls());
        if (!tls.checksHostNames()) {
            LOG.warning("TLS VERIFICATION IS OFF for " + connection.product().displayName() + " at "
                    + connection.describeTarget() + ": any certificate and any host name are accepted, so anyone"
                    + " in between can read and change the traffic, credentials included. Use this in a lab only;"
                    + " configure the engine's CA certificate instead.");
        }
        return connection.product() == EngineProduct.ELASTICSEARCH ? new ElasticsearchBackend(connection, tls)
                : new OpenSearchBackend(connection, tls);
    }
}
