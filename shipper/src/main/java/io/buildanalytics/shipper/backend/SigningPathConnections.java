package io.buildanalytics.shipper.backend;

import io.buildanalytics.shipper.connection.EngineConnection;
import io.buildanalytics.shipper.connection.ProxySettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Authenticator;
import java.net.HttpURLConnection;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.URI;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import software.amazon.awssdk.http.urlconnection.UrlConnectionFactory;

/**
 * Opens the {@code HttpURLConnection}s of the AWS SigV4 path with the connection's settings. The SDK's own
 * factory would apply its proxy only when configured and otherwise fall back to the JVM-wide proxy properties,
 * which are not ours to follow; so connections are made here, with timeouts, TLS trust and proxy all explicit.
 *
 * <p>Proxy credentials are given through a per-connection {@link Authenticator}, which answers a 407 challenge.
 * The JDK refuses Basic proxy authentication while setting up an https tunnel unless the JVM is started with
 * {@code -Djdk.http.auth.tunneling.disabledSchemes=""}, and SigV4 endpoints are https: behind a proxy that wants
 * Basic credentials, that property is needed (the 407 is then reported as an authentication problem).
 */
final class SigningPathConnections implements UrlConnectionFactory {

    private final ProxyRouting routing;
    private final ProxySettings proxy;
    private final int connectMillis;
    private final int readMillis;
    private final SSLSocketFactory sockets;
    private final boolean checkHostNames;

    SigningPathConnections(EngineConnection connection, TlsTrust tls) {
        this.proxy = connection.proxy();
        this.routing = new ProxyRouting(proxy);
        this.connectMillis = Math.toIntExact(connection.connectTimeout().toMillis());
        this.readMillis = Math.toIntExact(connection.readTimeout().toMillis());
        this.sockets = tls.sslContext().getSocketFactory();
        this.checkHostNames = tls.checksHostNames();
    }

    @Override
    public HttpURLConnection createConnection(URI uri) {
        Proxy via = routing.proxyFor(uri.getHost());
        HttpURLConnection connection;
        try {
            connection = (HttpURLConnection) uri.toURL().openConnection(via);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        connection.setConnectTimeout(connectMillis);
        connection.setReadTimeout(readMillis);
        if (connection instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(sockets);
            if (!checkHostNames) {
                https.setHostnameVerifier((host, session) -> true);
            }
        }
        if (via != Proxy.NO_PROXY && proxy.username() != null && proxy.password() != null) {
            connection.setAuthenticator(new ProxyCredentials(proxy));
        }
        return connection;
    }

    /** Answers the proxy's challenge only: the engine itself is authenticated by the signature. */
    private static final class ProxyCredentials extends Authenticator {
        private final ProxySettings proxy;

        ProxyCredentials(ProxySettings proxy) {
            this.proxy = proxy;
        }

        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
            if (getRequestorType() != RequestorType.PROXY) {
                return null;
            }
            return new PasswordAuthentication(proxy.username(), proxy.password().reveal().toCharArray());
        }
    }
}
