package io.buildanalytics.kibana.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildanalytics.shipper.backend.HttpSecurity;
import io.buildanalytics.shipper.connection.Auth;
import io.buildanalytics.shipper.connection.TlsSettings;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * {@link EngineSearch} over HTTP with the shipper's credentials and TLS trust: what the preview and the command
 * line's report use, plus the index refresh the demo needs before it reads what it just delivered. Dashboards themselves query through Kibana, never through this. Failures are
 * {@link EngineSearchException}s whose kind tells a network problem from a refusal.
 */
public final class HttpEngineSearch implements EngineSearch {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BODY_IN_MESSAGE = 300;

    private final URI base;
    private final HttpClient client;
    private final Optional<String> authorization;
    private final Auth auth;

    /** An engine without security, such as the demo's local node. */
    public HttpEngineSearch(URI base) {
        this(base, Auth.none(), TlsSettings.systemTrust());
    }

    /**
     * @throws IllegalArgumentException for AWS SigV4 credentials, which sign each request and are not supported here
     */
    public HttpEngineSearch(URI base, Auth auth, TlsSettings tls) {
        if (auth instanceof Auth.AwsSigV4) {
            throw new IllegalArgumentException("Searching with AWS SigV4 signing is not supported; use basic auth "
                    + "with an internal user of the domain");
        }
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.auth = auth;
        this.authorization = HttpSecurity.authorization(auth);
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (this.base.getScheme().equalsIgnoreCase("https")) {
            builder.sslContext(HttpSecurity.sslContext(tls));
        }
        this.client = builder.build();
    }

    @Override
    public JsonNode search(String index, ObjectNode body) {
        URI uri = base.resolve(encoded(index) + "/_search");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        try {
            return JSON.readTree(send(request, uri, "Search"));
        } catch (IOException e) {
            throw failure(EngineSearchException.Kind.UNREACHABLE, uri, "Search", "the answer is not JSON", e);
        }
    }

    /** Sends with the credentials; the body of a 2xx answer, or an exception saying what went wrong. */
    private String send(HttpRequest.Builder request, URI uri, String action) {
        authorization.ifPresent(value -> request.header("Authorization", value));
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                String answer = response.body().length() > BODY_IN_MESSAGE
                        ? response.body().substring(0, BODY_IN_MESSAGE) + "…" : response.body();
                throw new EngineSearchException(EngineSearchException.Kind.REFUSED, response.statusCode(),
                        action + " on " + uri + " failed with HTTP " + response.statusCode() + ": "
                                + HttpSecurity.mask(auth, answer), null);
            }
            return response.body();
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw failure(EngineSearchException.Kind.UNREACHABLE, uri, action, "nothing answered", e);
        } catch (HttpTimeoutException e) {
            throw failure(EngineSearchException.Kind.UNREACHABLE, uri, action, "no answer within 60 s", e);
        } catch (SSLException e) {
            throw failure(EngineSearchException.Kind.TLS, uri, action, "the TLS handshake failed (" + e.getMessage()
                    + "); trust the engine's CA certificate", e);
        } catch (IOException e) {
            throw failure(EngineSearchException.Kind.UNREACHABLE, uri, action, e.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(EngineSearchException.Kind.UNREACHABLE, uri, action, "interrupted", e);
        }
    }

    /**
     * Makes events written a moment ago searchable now ({@code POST <index>/_refresh}) instead of after the engine's
     * next periodic refresh, so a report or preview right after delivery counts every event.
     */
    public void refresh(String index) {
        URI uri = base.resolve(encoded(index) + "/_refresh");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.noBody());
        send(request, uri, "Refresh");
    }

    private static String encoded(String index) {
        return URLEncoder.encode(index, StandardCharsets.UTF_8).replace("%2A", "*").replace("%2C", ",");
    }

    private static EngineSearchException failure(EngineSearchException.Kind kind, URI uri, String action,
                                                 String what, Exception cause) {
        return new EngineSearchException(kind, 0, action + " on " + uri + " failed: " + what, cause);
    }
}
