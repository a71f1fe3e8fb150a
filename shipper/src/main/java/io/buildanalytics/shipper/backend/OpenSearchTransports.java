package io.buildanalytics.shipper.backend;

import io.buildanalytics.shipper.connection.Auth;
import io.buildanalytics.shipper.connection.EngineConnection;
import io.buildanalytics.shipper.connection.ProxySettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.http.nio.ssl.TlsStrategy;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.aws.AwsSdk2Transport;
import org.opensearch.client.transport.aws.AwsSdk2TransportOptions;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Builds opensearch-java's transport for a connection: Apache HttpClient 5 for a self-run OpenSearch, or the AWS
 * SDK's signing transport for Amazon OpenSearch Service (and Serverless). Either way TLS trust, proxy and
 * timeouts come from the connection, and everything the transport does not close itself is handed back to close.
 */
final class OpenSearchTransports {

    private static final int MAX_CONNECTIONS_PER_NODE = 10;
    private static final int MAX_CONNECTIONS = 30;

    private OpenSearchTransports() {
    }

    /** A transport and what must be closed after it. */
    record Owned(OpenSearchTransport transport, List<AutoCloseable> alsoClose) {
    }

    static Owned open(EngineConnection connection, TlsTrust tls) {
        return connection.auth() instanceof Auth.AwsSigV4 aws ? signing(connection, aws, tls)
                : apacheHttpClient5(connection, tls);
    }

    private static Owned apacheHttpClient5(EngineConnection connection, TlsTrust tls) {
        HttpHost[] nodes = connection.urls().stream().map(OpenSearchTransports::host).toArray(HttpHost[]::new);
        Timeout connect = Timeout.of(connection.connectTimeout());
        Timeout read = Timeout.of(connection.readTimeout());
        ApacheHttpClient5TransportBuilder builder = ApacheHttpClient5TransportBuilder.builder(nodes)
                .setMapper(new JacksonJsonpMapper())
                .setRequestConfigCallback(request -> request
                        // Waiting for a pooled connection is bounded like connecting: all may be busy or stuck.
                        .setConnectionRequestTimeout(connect)
                        .setResponseTimeout(read))
                .setHttpClientConfigCallback(client -> {
                    // Our own connection manager, replacing the builder's: it is the only place to put the TLS
                    // strategy (trust and host-name policy) and the connect and socket timeouts together.
                    client.setConnectionManager(connectionManager(tls, connect, read));
                    client.setThreadFactory(new NamedThreads("opensearch-io"));
                    ProxySettings proxy = connection.proxy();
                    if (proxy != null) {
                        client.setRoutePlanner(new SystemDefaultRoutePlanner(new ProxyRouting(proxy)));
                        if (proxy.username() != null && proxy.password() != null) {
                            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                            credentials.setCredentials(new AuthScope(proxy.host(), proxy.port()),
                                    new UsernamePasswordCredentials(proxy.username(),
                                            proxy.password().reveal().toCharArray()));
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
        return new Owned(builder.build(), List.of());
    }

    private static PoolingAsyncClientConnectionManager connectionManager(TlsTrust tls, Timeout connect,
                                                                          Timeout read) {
        // Host names are always checked by HttpClient's own verifier (policy CLIENT), never left to JSSE: with
        // the builder's default (BUILTIN), HttpClient 5.6 sets the endpoint identification algorithm on the
        // SSLParameters after it has applied them to the engine, so no check happens at all (a test proves it).
        TlsStrategy strategy = ClientTlsStrategyBuilder.create()
                .setSslContext(tls.sslContext())
                .setHostVerificationPolicy(HostnameVerificationPolicy.CLIENT)
                .setHostnameVerifier(tls.checksHostNames() ? new DefaultHostnameVerifier()
                        : NoopHostnameVerifier.INSTANCE)
                .buildAsync();
        return PoolingAsyncClientConnectionManagerBuilder.create()
                .setTlsStrategy(strategy)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connect)
                        .setSocketTimeout(read)
                        .build())
                .setMaxConnPerRoute(MAX_CONNECTIONS_PER_NODE)
                .setMaxConnTotal(MAX_CONNECTIONS)
                .build();
    }

    private static Owned signing(EngineConnection connection, Auth.AwsSigV4 aws, TlsTrust tls) {
        if (connection.urls().size() != 1) {
            throw new IllegalArgumentException("AWS SigV4 signs for one endpoint: give the domain's single URL,"
                    + " not " + connection.urls().size());
        }
        URI url = connection.urls().get(0);
        if (!"https".equalsIgnoreCase(url.getScheme())) {
            throw new IllegalArgumentException("Amazon OpenSearch Service is reached over https: the URL must"
                    + " start with https://, not '" + url + "'");
        }
        List<AutoCloseable> owned = new ArrayList<>();
        AwsCredentialsProvider credentials = credentials(aws);
        if (credentials instanceof AutoCloseable closeable) {
            owned.add(closeable);
        }
        // The JDK's HttpURLConnection: no threads, no pool to size, no extra jars; connections made our way.
        SdkHttpClient httpClient = UrlConnectionHttpClient.create(new SigningPathConnections(connection, tls));
        owned.add(httpClient);
        // The transport always prepends "https://" to this and appends the request path: host, port, prefix.
        String endpoint = url.getRawAuthority() + connection.pathPrefix();
        AwsSdk2Transport transport = new AwsSdk2Transport(httpClient, endpoint, aws.service(),
                Region.of(aws.region()), AwsSdk2TransportOptions.builder()
                        .setCredentials(credentials)
                        .setMapper(new JacksonJsonpMapper())
                        .build());
        return new Owned(transport, owned);
    }

    private static AwsCredentialsProvider credentials(Auth.AwsSigV4 aws) {
        if (aws.usesDefaultCredentials()) {
            return DefaultCredentialsProvider.builder().build();
        }
        if (aws.sessionToken() != null && !aws.sessionToken().isEmpty()) {
            return StaticCredentialsProvider.create(AwsSessionCredentials.create(aws.accessKeyId(),
                    aws.secretAccessKey().reveal(), aws.sessionToken().reveal()));
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(aws.accessKeyId(),
                aws.secretAccessKey().reveal()));
    }

    private static HttpHost host(URI url) {
        String host = url.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new HttpHost(url.getScheme(), host, url.getPort());
    }
}
