package io.buildanalytics.localengine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A thin JSON-over-HTTP helper for tests and the demo to talk to a local node. It is not the product's
 * shipper (that uses the official clients); it only saves callers the HttpClient and Jackson boilerplate.
 *
 * <p>Non-2xx answers are returned, not thrown, so tests can assert on them; call
 * {@link Response#requireSuccess()} where a failure should stop the caller.
 */
public final class EngineHttp {

    /** Default time for a whole request; generous because a node's first request on a cold JVM is slow. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Strict about trailing text, so plain-text answers (the _cat APIs) are not mistaken for a JSON number. */
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final URI baseUri;
    private final Duration requestTimeout;
    private final HttpClient client;
    /** Value of the Authorization header sent with every request; null for none. */
    private final String authorization;

    public EngineHttp(URI baseUri) {
        this(baseUri, DEFAULT_REQUEST_TIMEOUT);
    }

    public EngineHttp(URI baseUri, Duration requestTimeout) {
        this(Objects.requireNonNull(baseUri, "baseUri"), Objects.requireNonNull(requestTimeout, "requestTimeout"),
                HttpClient.newBuilder()
                        .connectTimeout(CONNECT_TIMEOUT)
                        // Plain-text HTTP/2 upgrade attempts only cost a round trip: the engines speak HTTP/1.1.
                        .version(HttpClient.Version.HTTP_1_1)
                        .build(),
                null);
    }

    /** Copies share the HttpClient, so asking as several users costs no extra connections or threads. */
    private EngineHttp(URI baseUri, Duration requestTimeout, HttpClient client, String authorization) {
        this.baseUri = baseUri;
        this.requestTimeout = requestTimeout;
        this.client = client;
        this.authorization = authorization;
    }

    public URI baseUri() {
        return baseUri;
    }

    /**
     * A copy that sends this {@code Authorization} header with every request, e.g. {@code "ApiKey <encoded>"} or
     * {@code "Bearer <token>"}.
     */
    public EngineHttp withAuthorization(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new IllegalArgumentException(
                    "An Authorization header needs a value; use withoutAuthorization() for none");
        }
        return new EngineHttp(baseUri, requestTimeout, client, authorization);
    }

    /** A copy that authenticates every request with HTTP Basic. */
    public EngineHttp withBasicAuth(String username, String password) {
        return withAuthorization(new EngineCredentials(username, password).basicAuthorization());
    }

    /** A copy that sends no credentials, e.g. to check that a secured node turns anonymous requests away. */
    public EngineHttp withoutAuthorization() {
        return new EngineHttp(baseUri, requestTimeout, client, null);
    }

    /**
     * Sends one request.
     *
     * @param method HTTP method, e.g. {@code GET}
     * @param path   path and optional query, already URL-encoded, e.g. {@code /my-index/_search?size=5}
     * @param body   JSON text, or {@code null} for none
     */
    public Response send(String method, String path, String body) {
        return send(method, path, body, "application/json");
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response put(String path, String body) {
        return send("PUT", path, body);
    }

    public Response post(String path, String body) {
        return send("POST", path, body);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    /** Posts newline-delimited JSON to {@code /_bulk}; the trailing newline the API insists on is added if missing. */
    public Response bulk(String ndjson) {
        String body = ndjson.endsWith("\n") ? ndjson : ndjson + "\n";
        return send("POST", "/_bulk", body, "application/x-ndjson");
    }

    /** Makes everything indexed so far in {@code index} visible to search. */
    public Response refresh(String index) {
        return post("/" + index + "/_refresh", null);
    }

    private Response send(String method, String path, String body, String contentType) {
        URI uri = baseUri.resolve(path.startsWith("/") ? path : "/" + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(requestTimeout);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body == null) {
            request.method(method.toUpperCase(Locale.ROOT), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType)
                    .method(method.toUpperCase(Locale.ROOT), HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<String> response =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(method.toUpperCase(Locale.ROOT) + " " + uri, response.statusCode(), response.body());
        } catch (IOException e) {
            throw new LocalEngineException(method + " " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalEngineException(method + " " + uri + " was interrupted", e);
        }
    }

    /** One answer: status, raw body, and the body parsed as JSON ({@link MissingNode} when it is not JSON). */
    public static final class Response {

        private final String request;
        private final int status;
        private final String body;
        private final JsonNode json;

        Response(String request, int status, String body) {
            this.request = request;
            this.status = status;
            this.body = body;
            this.json = parse(body);
        }

        public int status() {
            return status;
        }

        public String body() {
            return body;
        }

        public JsonNode json() {
            return json;
        }

        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        /**
         * Returns this response if it is a 2xx without item failures, else throws. A bulk request answers 200
         * even when items failed and reports them with {@code "errors": true}; that counts as a failure here.
         */
        public Response requireSuccess() {
            if (!isSuccess() || json.path("errors").asBoolean(false)) {
                throw new LocalEngineException(request + " answered " + status + ": " + abbreviate(body));
            }
            return this;
        }

        @Override
        public String toString() {
            return request + " -> " + status + " " + abbreviate(body);
        }

        private static JsonNode parse(String body) {
            if (body == null || body.isBlank()) {
                return MissingNode.getInstance();
            }
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                return MissingNode.getInstance();
            }
        }

        private static String abbreviate(String text) {
            return text.length() <= 2000 ? text : text.substring(0, 2000) + "... (" + text.length() + " chars)";
        }
    }
}
