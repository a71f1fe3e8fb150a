package io.buildanalytics.shipper.backend;

import io.buildanalytics.shipper.connection.Auth;
import io.buildanalytics.shipper.connection.TlsSettings;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The shipper's credential header, TLS trust and secret masking for code that makes its own HTTP requests (the
 * dashboards installer talks to Kibana with the JDK's HttpClient), so that every connection the project opens
 * authenticates, verifies certificates and keeps secrets out of messages the same way as the engine backends.
 */
public final class HttpSecurity {

    private HttpSecurity() {
    }

    /**
     * The {@code Authorization} header value for the credentials, sent preemptively; empty for no credentials and
     * for AWS SigV4, which signs each request instead.
     */
    public static Optional<String> authorization(Auth auth) {
        return AuthHeaders.authorization(auth);
    }

    /**
     * An SSLContext that trusts the JVM's store, exactly the configured CA certificates, or, when verification was
     * turned off on purpose, anything (then host names are not checked either, whatever the client does).
     *
     * @throws IllegalArgumentException when the CA text holds no readable certificate
     */
    public static SSLContext sslContext(TlsSettings tls) {
        return TlsTrust.of(tls).sslContext();
    }

    /** The text with every secret of the credentials (and their header form) replaced by a mask. */
    public static String mask(Auth auth, String text) {
        return Secrets.of(auth).mask(text);
    }
}
