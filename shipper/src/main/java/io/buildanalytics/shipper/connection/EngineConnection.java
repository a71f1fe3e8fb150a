package io.buildanalytics.shipper.connection;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything needed to reach one engine: which product, where, as whom, over which TLS and proxy, with which
 * timeouts. Timeouts are always set: a stalled engine must never hold a shipper thread forever.
 *
 * @param urls  one or more node URLs of the same cluster ({@code https://es.example.com:9200}); a path is
 *              allowed as a prefix for engines behind a reverse proxy, but must be the same for all
 */
public record EngineConnection(EngineProduct product, List<URI> urls, Auth auth, TlsSettings tls,
                               ProxySettings proxy, Duration connectTimeout, Duration readTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    public EngineConnection {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(tls, "tls");
        urls = List.copyOf(Objects.requireNonNull(urls, "urls"));
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("At least one engine URL is needed");
        }
        for (URI url : urls) {
            HttpUrls.check(url, "Engine URL");
        }
        String prefix = pathPrefixOf(urls.get(0));
        for (URI url : urls) {
            if (!pathPrefixOf(url).equals(prefix)) {
                throw new IllegalArgumentException("All engine URLs must have the same path, not '" + prefix
                        + "' and '" + pathPrefixOf(url) + "'");
            }
        }
        connectTimeout = positive(connectTimeout, DEFAULT_CONNECT_TIMEOUT, "Connect timeout");
        readTimeout = positive(readTimeout, DEFAULT_READ_TIMEOUT, "Read timeout");
        if (auth instanceof Auth.AwsSigV4 && product != EngineProduct.OPENSEARCH) {
            throw new IllegalArgumentException("AWS SigV4 signing is for Amazon OpenSearch Service: choose OpenSearch");
        }
    }

    /** A plain connection with no credentials, default TLS and timeouts; change what you need with the withers. */
    public static EngineConnection to(EngineProduct product, URI url) {
        return new EngineConnection(product, List.of(url), Auth.none(), TlsSettings.systemTrust(), null, null, null);
    }

    public EngineConnection withAuth(Auth newAuth) {
        return new EngineConnection(product, urls, newAuth, tls, proxy, connectTimeout, readTimeout);
    }

    public EngineConnection withTls(TlsSettings newTls) {
        return new EngineConnection(product, urls, auth, newTls, proxy, connectTimeout, readTimeout);
    }

    public EngineConnection withProxy(ProxySettings newProxy) {
        return new EngineConnection(product, urls, auth, tls, newProxy, connectTimeout, readTimeout);
    }

    public EngineConnection withTimeouts(Duration connect, Duration read) {
        return new EngineConnection(product, urls, auth, tls, proxy, connect, read);
    }

    /** The common path prefix of the URLs, "" when they have none; never ends with a slash. */
    public String pathPrefix() {
        return pathPrefixOf(urls.get(0));
    }

    /** Where, for messages: the first URL without any path, and how many more nodes. */
    public String describeTarget() {
        URI first = urls.get(0);
        String target = first.getScheme() + "://" + first.getHost() + (first.getPort() < 0 ? "" : ":" + first.getPort());
        return urls.size() == 1 ? target : target + " (and " + (urls.size() - 1) + " more)";
    }

    private static String pathPrefixOf(URI url) {
        String path = url.getPath() == null ? "" : url.getPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
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
