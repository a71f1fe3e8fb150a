package io.buildanalytics.shipper.backend;

import io.buildanalytics.shipper.connection.EngineConnection;
import io.buildanalytics.shipper.connection.ProxySettings;
import java.net.URI;
import org.apache.http.Header;
import org.apache.http.HttpHeaders;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.impl.conn.SystemDefaultRoutePlanner;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/**
 * Builds Elasticsearch's low-level {@link RestClient} (Apache HttpAsyncClient 4) from a connection: every node,
 * the path prefix, credentials, TLS trust, proxy and all three timeouts.
 */
final class ElasticsearchRestClients {

    private ElasticsearchRestClients() {
    }

    static RestClient build(EngineConnection connection, TlsTrust tls) {
        HttpHost[] nodes = connection.urls().stream().map(ElasticsearchRestClients::host).toArray(HttpHost[]::new);
        int connectMillis = Math.toIntExact(connection.connectTimeout().toMillis());
        int readMillis = Math.toIntExact(connection.readTimeout().toMillis());
        RestClientBuilder builder = RestClient.builder(nodes)
                .setRequestConfigCallback(request -> request
                        .setConnectTimeout(connectMillis)
                        .setSocketTimeout(readMillis)
                        // Waiting for a pooled connection is bounded like connecting: all may be busy or stuck.
                        .setConnectionRequestTimeout(connectMillis))
                .setHttpClientConfigCallback(client -> {
                    client.setThreadFactory(new NamedThreads("elasticsearch-io"));
                    client.setSSLContext(tls.sslContext());
                    if (!tls.checksHostNames()) {
                        client.setSSLHostnameVerifier(NoopHostnameVerifier.INSTANCE);
                    }
                    ProxySettings proxy = connection.proxy();
                    if (proxy != null) {
                        client.setRoutePlanner(new SystemDefaultRoutePlanner(new ProxyRouting(proxy)));
                        if (proxy.username() != null && proxy.password() != null) {
                            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                            credentials.setCredentials(new AuthScope(proxy.host(), proxy.port()),
                                    new UsernamePasswordCredentials(proxy.username(), proxy.password().reveal()));
                            client.setDefaultCredentialsProvider(credentials);
                        }
                    }
                    return client;
                });
        AuthHeaders.authorization(connection.auth()).ifPresent(value ->
                builder.setDefaultHeaders(new Header[] {new BasicHeader(HttpHeaders.AUTHORIZATION, value)}));
        if (!connection.pathPrefix().isEmpty()) {
            builder.setPathPrefix(connection.pathPrefix());
        }
        return builder.build();
    }

    private static HttpHost host(URI url) {
        String host = url.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new HttpHost(host, url.getPort(), url.getScheme());
    }
}
