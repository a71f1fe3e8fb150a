package io.buildanalytics.shipper;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reverse proxy in front of a real engine that refuses request bodies above a limit with 413, the way nginx's
 * {@code client_max_body_size} or a cloud load balancer does. Everything else is forwarded unchanged.
 */
final class BodyLimitProxy implements AutoCloseable {

    private static final Set<String> NOT_FORWARDED = Set.of("content-length", "transfer-encoding", "connection",
            "host", "expect", "upgrade", "keep-alive");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI engine;
    private final int limitBytes;
    private final AtomicInteger refused = new AtomicInteger();

    BodyLimitProxy(URI engine, int limitBytes) throws IOException {
        this.engine = engine;
        this.limitBytes = limitBytes;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int refused() {
        return refused.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (body.length > limitBytes) {
                refused.incrementAndGet();
                answer(exchange, 413, Map.of("Content-Type", List.of("text/html")),
                        "<html><body>413 Request Entity Too Large</body></html>".getBytes());
                return;
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(engine.resolve(exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> forward.header(name, value));
                }
            });
            HttpResponse<byte[]> response = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            answer(exchange, response.statusCode(), response.headers().map(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpExchange exchange, int status, Map<String, List<String>> headers, byte[] body)
            throws IOException {
        headers.forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
