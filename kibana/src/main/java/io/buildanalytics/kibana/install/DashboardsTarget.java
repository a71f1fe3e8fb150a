package io.buildanalytics.kibana.install;

import io.buildanalytics.shipper.connection.Auth;
import io.buildanalytics.shipper.connection.HttpUrls;
import io.buildanalytics.shipper.connection.TlsSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the dashboards go: a Kibana or OpenSearch Dashboards server, as whom, over which TLS trust, into which
 * Kibana space, with which timeouts. Which of the two products it is, is found out by asking the server.
 *
 * @param url            the server's base URL; a path is a prefix the server is reached under, e.g.
 *                       {@code https://domain/_dashboards} on Amazon OpenSearch Service or a reverse proxy's path
 * @param auth           credentials; AWS SigV4 is refused (the import API takes no signed requests)
 * @param tls            certificate verification; on unless turned off on purpose
 * @param space          Kibana space id, or null for the default space
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for each answer; an import of many objects takes a while
 */
public record DashboardsTarget(URI url, Auth auth, TlsSettings tls, String space, Duration connectTimeout,
                               Duration requestTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(120);

    // Kibana's own rule for space ids (its spaces plugin validates ids with exactly these characters).
    private static final Pattern SPACE_ID = Pattern.compile("[a-z0-9_-]+");

    public DashboardsTarget {
        HttpUrls.check(url, "Dashboards URL");
        url = withoutTrailingSlashes(url);
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(tls, "tls");
        if (auth instanceof Auth.AwsSigV4) {
            throw new IllegalArgumentException("AWS SigV4 signing is not supported for importing dashboards:"
                    + " sign in to OpenSearch Dashboards with a user name and password (for example the fine-grained"
                    + " access control master user) or import the bundle file in its Saved objects page");
        }
        if (space != null && space.isBlank()) {
            space = null;
        }
        if (space != null && !SPACE_ID.matcher(space).matches()) {
            throw new IllegalArgumentException("Kibana space id '" + space + "' is not valid: a space id has only"
                    + " lower-case letters, digits, '_' and '-' (the id in the space's URL, /s/<id>/, not its name)");
        }
        connectTimeout = positive(connectTimeout, DEFAULT_CONNECT_TIMEOUT, "Connect timeout");
        requestTimeout = positive(requestTimeout, DEFAULT_REQUEST_TIMEOUT, "Request timeout");
    }

    /** No credentials, the JVM's trust store, the default space and default timeouts. */
    public static DashboardsTarget to(URI url) {
        return new DashboardsTarget(url, Auth.none(), TlsSettings.systemTrust(), null, null, null);
    }

    public DashboardsTarget withAuth(Auth newAuth) {
        return new DashboardsTarget(url, newAuth, tls, space, connectTimeout, requestTimeout);
    }

    public DashboardsTarget withTls(TlsSettings newTls) {
        return new DashboardsTarget(url, auth, newTls, space, connectTimeout, requestTimeout);
    }

    /** Into a Kibana space; null or blank for the default space. */
    public DashboardsTarget inSpace(String spaceId) {
        return new DashboardsTarget(url, auth, tls, spaceId, connectTimeout, requestTimeout);
    }

    public DashboardsTarget withTimeouts(Duration connect, Duration request) {
        return new DashboardsTarget(url, auth, tls, space, connect, request);
    }

    public boolean hasSpace() {
        return space != null;
    }

    /** The base URL as text, for messages: {@code https://kibana.example.com:5601} or with its path prefix. */
    public String describe() {
        return url.toString();
    }

    /** The address of a path below the base URL; {@code pathAndQuery} starts with a slash and is already encoded. */
    URI resolve(String pathAndQuery) {
        return URI.create(url + pathAndQuery);
    }

    @Override
    public String toString() {
        return "DashboardsTarget[" + describe() + ", " + auth.describe() + ", " + trust()
                + (space == null ? "" : ", space '" + space + "'") + "]";
    }

    private String trust() {
        if (!tls.verify()) {
            return "TLS NOT VERIFIED";
        }
        return tls.caPem() == null ? "JVM trust store" : "configured CA";
    }

    private static URI withoutTrailingSlashes(URI url) {
        String text = url.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }

    private static Duration positive(Duration value, Duration fallback, String what) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, not " + value);
        }
        return value;
    }
}
