package io.buildanalytics.shipper.backend;

import io.buildanalytics.shipper.connection.ProxySettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;

/**
 * The connection's proxy choice as a {@link ProxySelector}, the one form both Apache clients (through their
 * system-default route planners) and {@code HttpURLConnection} understand, so the non-proxy rule is decided in
 * one place ({@link ProxySettings#appliesTo}) for every path. The JVM's own proxy properties are deliberately not
 * consulted: the connection settings are the whole truth.
 */
final class ProxyRouting extends ProxySelector {

    private final ProxySettings settings;

    /** @param settings the proxy, or null for direct connections */
    ProxyRouting(ProxySettings settings) {
        this.settings = settings;
    }

    /** The proxy for {@code target}, or {@link Proxy#NO_PROXY}. */
    Proxy proxyFor(String targetHost) {
        if (settings == null || !settings.appliesTo(stripBrackets(targetHost))) {
            return Proxy.NO_PROXY;
        }
        // Unresolved: the proxy, not this machine, may be the only one able to resolve its own name.
        return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(settings.host(), settings.port()));
    }

    @Override
    public List<Proxy> select(URI uri) {
        return List.of(proxyFor(uri.getHost()));
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {
        // Nothing to fall back to: a configured proxy that fails is an error the caller reports.
    }

    private static String stripBrackets(String host) {
        return host != null && host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
