package io.buildanalytics.shipper.backend;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.buildanalytics.shipper.connection.EngineProduct;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * A local HTTP(S) server that answers like an engine, for tests of what the backends do with answers a real
 * engine cannot easily be made to give (401, 413, a certificate it does not have). Records every request.
 */
final class FakeEngine implements AutoCloseable {

    /** A request as the server received it. */
    record Received(String method, URI uri, Headers headers, byte[] body) {
        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** What to answer. */
    record Reply(int status, Map<String, String> headers, String body) {
        static Reply json(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "application/json"), body);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final String scheme;

    private FakeEngine(HttpServer server, String scheme, Function<Received, Reply> answers) {
        this.server = server;
        this.scheme = scheme;
        server.createContext("/", exchange -> handle(exchange, answers));
        server.setExecutor(executor);
        server.start();
    }

    static FakeEngine http(Function<Received, Reply> answers) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        return new FakeEngine(server, "http", answers);
    }

    static FakeEngine https(SSLContext context, Function<Received, Reply> answers) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        return new FakeEngine(server, "https", answers);
    }

    /** Answers {@code GET /} as the product does, bulk requests with success for every item, 404 otherwise. */
    static Function<Received, Reply> engine(EngineProduct product) {
        return request -> {
            Reply reply;
            if (request.method().equals("GET") && request.uri().getPath().equals("/")) {
                reply = Reply.json(200, root(product));
            } else if (request.uri().getPath().endsWith("/_bulk")) {
                reply = Reply.json(200, bulkSuccess(request));
            } else {
                reply = Reply.json(404, "{\"error\":{\"type\":\"not_found\",\"reason\":\"no such thing\"},"
                        + "\"status\":404}");
            }
            return product == EngineProduct.ELASTICSEARCH ? asElasticsearch(reply) : reply;
        };
    }

    /** The same answer with Elasticsearch's product header, which elasticsearch-java insists on. */
    static Reply asElasticsearch(Reply reply) {
        Map<String, String> headers = new java.util.HashMap<>(reply.headers());
        headers.put("X-Elastic-Product", "Elasticsearch");
        return new Reply(reply.status(), headers, reply.body());
    }

    static String root(EngineProduct product) {
        return product == EngineProduct.OPENSEARCH
                ? "{\"name\":\"fake\",\"cluster_name\":\"fake\",\"version\":{\"distribution\":\"opensearch\","
                + "\"number\":\"2.19.4\"},\"tagline\":\"The OpenSearch Project: https://opensearch.org/\"}"
                : "{\"name\":\"fake\",\"cluster_name\":\"fake\",\"version\":{\"number\":\"8.19.21\","
                + "\"build_flavor\":\"default\"},\"tagline\":\"You Know, for Search\"}";
    }

    private static String bulkSuccess(Received request) {
        long lines = request.bodyText().lines().filter(line -> !line.isBlank()).count();
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < lines / 2; i++) {
            items.append(i == 0 ? "" : ",").append("{\"index\":{\"_index\":\"i\",\"_id\":\"").append(i)
                    .append("\",\"status\":201,\"result\":\"created\",\"_version\":1,\"_seq_no\":").append(i)
                    .append(",\"_primary_term\":1,\"_shards\":{\"total\":1,\"successful\":1,\"failed\":0}}}");
        }
        return "{\"took\":1,\"errors\":false,\"items\":[" + items + "]}";
    }

    URI uri() {
        return URI.create(scheme + "://localhost:" + port());
    }

    /** The same server under another host name (which must resolve, or go through a proxy). */
    URI uri(String host) {
        return URI.create(scheme + "://" + host + ":" + port());
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange, Function<Received, Reply> answers) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI(),
                    exchange.getRequestHeaders(), body);
            received.add(request);
            Reply reply = answers.apply(request);
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] content = reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), content.length == 0 ? -1 : content.length);
            if (content.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(content);
                }
            }
        }
    }
}
