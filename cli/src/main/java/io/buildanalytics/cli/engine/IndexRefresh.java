package io.buildanalytics.cli.engine;

import io.buildanalytics.shipper.backend.HttpSecurity;
import io.buildanalytics.shipper.connection.EngineConnection;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Makes just-delivered events searchable at once ({@code POST <pattern>/_refresh}), so the demo's report sees every
 * event instead of those the engine's one-second refresh happened to catch.
 */
public final class IndexRefresh {

    private IndexRefresh() {
    }

    public static void refresh(EngineConnection connection, String indexPattern) {
        URI base = connection.urls().get(0);
        String text = base.toString();
        URI uri = URI.create((text.endsWith("/") ? text : text + "/") + indexPattern + "/_refresh");
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(connection.connectTimeout());
        if (uri.getScheme().equalsIgnoreCase("https")) {
            client.sslContext(HttpSecurity.sslContext(connection.tls()));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.noBody());
        HttpSecurity.authorization(connection.auth()).ifPresent(value -> request.header("Authorization", value));
        try {
            HttpResponse<String> answer = client.build().send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                throw new IllegalStateException("Refreshing " + indexPattern + " failed with HTTP "
                        + answer.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Refreshing " + indexPattern + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while refreshing " + indexPattern, e);
        }
    }
}
