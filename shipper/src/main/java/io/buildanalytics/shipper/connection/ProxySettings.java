package io.buildanalytics.shipper.connection;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An HTTP proxy between the CI server and the engine (Jenkins passes its own proxy configuration).
 *
 * @param host           proxy host
 * @param port           proxy port
 * @param username       proxy user, or null when the proxy needs none
 * @param password       proxy password, or null
 * @param nonProxyHosts  host names that bypass the proxy; {@code *.example.com} matches subdomains
 */
public record ProxySettings(String host, int port, String username, SecretText password, List<String> nonProxyHosts) {

    public ProxySettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("Proxy host is empty");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("Proxy port must be between 1 and 65535, not " + port);
        }
        if (username != null && username.isBlank()) {
            username = null;
        }
        nonProxyHosts = List.copyOf(Objects.requireNonNullElse(nonProxyHosts, List.of()));
    }

    public static ProxySettings of(String host, int port) {
        return new ProxySettings(host, port, null, null, List.of());
    }

    /** Whether requests to {@code targetHost} go through this proxy. */
    public boolean appliesTo(String targetHost) {
        String target = targetHost.toLowerCase(Locale.ROOT);
        for (String pattern : nonProxyHosts) {
            String rule = pattern.trim().toLowerCase(Locale.ROOT);
            if (rule.isEmpty()) {
                continue;
            }
            if (rule.startsWith("*.") ? target.endsWith(rule.substring(1)) || target.equals(rule.substring(2))
                    : target.equals(rule)) {
                return false;
            }
        }
        return true;
    }
}
