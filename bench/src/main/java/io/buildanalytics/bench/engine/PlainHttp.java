package io.buildanalytics.bench.engine;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The references' client: the JDK's HTTP client, one connection, requests one after another, no retries and no
 * parsing beyond the status and the {@code errors} flag, so it costs the engine's time and little else.
 */
public final class PlainHttp {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    public PlainHttp(URI base) {
        this.base = base;
    }

    /** Posts one {@code _bulk} body; fails when the engine refused it or any item in it. */
    public void bulk(byte[] ndjson) {
        String answer = send(HttpRequest.newBuilder(base.resolve("/_bulk"))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(ndjson)), "_bulk");
        int flag = answer.indexOf("\"errors\":");
        if (flag < 0 || !answer.startsWith("false", flag + 9)) {
            throw new IllegalStateException("The engine refused items of a _bulk request: "
                    + answer.substring(0, Math.min(answer.length(), 500)));
        }
    }

    /** Indexes one document with its own request, as plugins that send per build do. */
    public void put(String index, String id, String json) {
        send(HttpRequest.newBuilder(base.resolve("/" + index + "/_doc/" + id))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), id);
    }

    private String send(HttpRequest.Builder request, String what) {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofMinutes(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(what + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
