package io.buildanalytics.kibana.install;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * A stand-in for Kibana or OpenSearch Dashboards on 127.0.0.1: it records every request and answers the status,
 * spaces and import APIs the way the real products do (status bodies in each product's format, its name header,
 * its xsrf guard, its error body). Tests replace any answer with {@link #answer}.
 */
final class FakeDashboards implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One request as it arrived. Header names are lower case. */
    record Request(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** An answer: status, headers, body. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
        static Answer json(int status, String json) {
            return new Answer(status, Map.of("Content-Type", "application/json; charset=utf-8"),
                    json.getBytes(StandardCharsets.UTF_8));
        }

        static Answer text(int status, String contentType, String text) {
            return new Answer(status, Map.of("Content-Type", contentType), text.getBytes(StandardCharsets.UTF_8));
        }
    }

    enum Product { KIBANA, OPENSEARCH_DASHBOARDS }

    private final HttpServer server;
    private final boolean https;
    private final Product product;
    private final String basePath;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Function<Request, Answer>> overrides = new ConcurrentHashMap<>();
    private final Set<String> spaces = new CopyOnWriteArraySet<>(List.of("default"));
    private final String version;
    private final String statusFormat;
    private volatile String requiredAuthorization;
    private volatile int importedCount = 3;

    private FakeDashboards(Product product, String version, String basePath, SSLContext tls) throws IOException {
        this.product = product;
        this.version = version;
        this.basePath = basePath;
        // Kibana 8 and 9 answer in the current format by default; Kibana 7 and OpenSearch Dashboards in the legacy one.
        this.statusFormat = product == Product.KIBANA && !version.startsWith("7.") ? "v8" : "legacy";
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tls == null) {
            this.server = HttpServer.create(address, 0);
            this.https = false;
        } else {
            HttpsServer secure = HttpsServer.create(address, 0);
            secure.setHttpsConfigurator(new HttpsConfigurator(tls));
            this.server = secure;
            this.https = true;
        }
        server.createContext("/", this::handle);
        server.start();
    }

    static FakeDashboards kibana(String version) throws IOException {
        return new FakeDashboards(Product.KIBANA, version, "", null);
    }

    static FakeDashboards openSearchDashboards(String version) throws IOException {
        return new FakeDashboards(Product.OPENSEARCH_DASHBOARDS, version, "", null);
    }

    /** Served under a base path, as Amazon OpenSearch Service serves OpenSearch Dashboards under /_dashboards. */
    static FakeDashboards openSearchDashboardsUnder(String basePath, String version) throws IOException {
        return new FakeDashboards(Product.OPENSEARCH_DASHBOARDS, version, basePath, null);
    }

    static FakeDashboards kibanaOverHttps(String version, SSLContext tls) throws IOException {
        return new FakeDashboards(Product.KIBANA, version, "", tls);
    }

    /** The base URL a user would configure, with the base path if any. */
    URI url() {
        return URI.create((https ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort() + basePath);
    }

    /** Like {@link #url()} with another host name for the same address (for host-name checks). */
    URI url(String host) {
        return URI.create((https ? "https" : "http") + "://" + host + ":" + server.getAddress().getPort() + basePath);
    }

    List<Request> requests() {
        return new ArrayList<>(requests);
    }

    /** The only request to the given path (without the base path), failing when there is not exactly one. */
    Request onlyRequestTo(String path) {
        List<Request> matching = requests.stream().filter(r -> r.path().equals(basePath + path)).toList();
        if (matching.size() != 1) {
            throw new AssertionError("Expected one request to " + basePath + path + ", got " + requests);
        }
        return matching.get(0);
    }

    /** Answers requests to {@code method path} (path without the base path) with the given function instead. */
    FakeDashboards answer(String method, String path, Function<Request, Answer> answer) {
        overrides.put(method + " " + basePath + path, answer);
        return this;
    }

    FakeDashboards answer(String method, String path, Answer answer) {
        return answer(method, path, request -> answer);
    }

    FakeDashboards withSpace(String id) {
        spaces.add(id);
        return this;
    }

    /** Answer 401, as the security plugin does, unless the request carries exactly this Authorization value. */
    FakeDashboards requiring(String authorization) {
        this.requiredAuthorization = authorization;
        return this;
    }

    /** The successCount the import answers with. */
    FakeDashboards importing(int count) {
        this.importedCount = count;
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
            URI uri = exchange.getRequestURI();
            Request request = new Request(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), headers,
                    exchange.getRequestBody().readAllBytes());
            requests.add(request);
            Answer answer = answerTo(request);
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            if (product == Product.KIBANA) {
                // Kibana names itself on every answer, errors included.
                exchange.getResponseHeaders().add("kbn-name", "kibana");
            }
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            exchange.getResponseBody().write(answer.body());
        }
    }

    private Answer answerTo(Request request) {
        Function<Request, Answer> override = overrides.get(request.method() + " " + request.path());
        if (override != null) {
            return override.apply(request);
        }
        if (!request.path().startsWith(basePath + "/")) {
            return error(404, "Not Found", "Not Found");
        }
        String path = request.path().substring(basePath.length());
        if (requiredAuthorization != null && !requiredAuthorization.equals(request.header("authorization"))) {
            return error(401, "Unauthorized", "[security_exception]: unable to authenticate user");
        }
        if (request.method().equals("GET") && path.equals("/api/status")) {
            return Answer.json(200, status());
        }
        if (request.method().equals("GET") && path.startsWith("/api/spaces/space/")) {
            String id = path.substring("/api/spaces/space/".length());
            return spaces.contains(id)
                    ? Answer.json(200, "{\"id\":\"" + id + "\",\"name\":\"" + id + "\",\"disabledFeatures\":[]}")
                    : error(404, "Not Found", "Saved object [space/" + id + "] not found");
        }
        if (request.method().equals("POST") && isImportPath(path)) {
            String xsrf = product == Product.KIBANA ? "kbn-xsrf" : "osd-xsrf";
            if (request.header(xsrf) == null) {
                return error(400, "Bad Request", "Request must contain a " + xsrf + " header.");
            }
            return Answer.json(200, "{\"success\":true,\"successCount\":" + importedCount
                    + ",\"successResults\":[],\"warnings\":[]}");
        }
        return error(404, "Not Found", "Not Found");
    }

    private boolean isImportPath(String path) {
        if (path.equals("/api/saved_objects/_import")) {
            return true;
        }
        if (product != Product.KIBANA || !path.startsWith("/s/")) {
            return false;
        }
        String rest = path.substring(3);
        int slash = rest.indexOf('/');
        return slash > 0 && spaces.contains(rest.substring(0, slash))
                && rest.substring(slash).equals("/api/saved_objects/_import");
    }

    /** Kibana's and OpenSearch Dashboards' error body. */
    static Answer error(int status, String error, String message) {
        ObjectNode body = JSON.createObjectNode().put("statusCode", status).put("error", error).put("message", message);
        return Answer.json(status, body.toString());
    }

    private String status() {
        ObjectNode body = JSON.createObjectNode();
        body.put("name", product == Product.KIBANA ? "kibana" : "opensearch-dashboards");
        body.put("uuid", "5b2de169-2785-441b-ae8c-186a1936b17d");
        ObjectNode versionNode = body.putObject("version");
        versionNode.put("number", version).put("build_hash", "9a2b1c").put("build_number", 1234)
                .put("build_snapshot", false);
        if (product == Product.KIBANA && !version.startsWith("7.")) {
            versionNode.put("build_flavor", "traditional").put("build_date", "2025-01-01T00:00:00.000Z");
        }
        String core = product == Product.KIBANA ? "elasticsearch" : "opensearch";
        ObjectNode status = body.putObject("status");
        if (statusFormat.equals("v8")) {
            status.putObject("overall").put("level", "available").put("summary", "All services are available");
            ObjectNode coreNode = status.putObject("core");
            coreNode.putObject(core).put("level", "available").put("summary", "Connected");
            coreNode.putObject("savedObjects").put("level", "available").put("summary", "Ready");
            status.putObject("plugins");
        } else {
            status.putObject("overall").put("state", "green").put("title", "Green").put("nickname", "Looking good")
                    .put("uiColor", "secondary").put("since", "2025-01-01T00:00:00.000Z");
            ArrayNode statuses = status.putArray("statuses");
            for (String service : List.of(core, "savedObjects")) {
                statuses.addObject().put("id", "core:" + service + "@" + version).put("state", "green")
                        .put("message", "Ready").put("uiColor", "secondary").put("icon", "success")
                        .put("since", "2025-01-01T00:00:00.000Z");
            }
        }
        body.putObject("metrics").put("last_updated", "2025-01-01T00:00:00.000Z")
                .put("collection_interval_in_millis", 5000);
        return body.toString();
    }
}
