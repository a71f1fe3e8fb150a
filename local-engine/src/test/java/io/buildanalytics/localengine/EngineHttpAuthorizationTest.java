package io.buildanalytics.localengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which Authorization header each copy of an EngineHttp sends, seen by a loopback server that echoes it. */
class EngineHttpAuthorizationTest {

    private HttpServer server;
    private EngineHttp http;

    @BeforeEach
    void startEchoServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            byte[] body = ("{\"authorization\":" + (authorization == null ? "null" : "\"" + authorization + "\"") + "}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        http = new EngineHttp(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void sendsNoCredentialsUnlessGivenSome() {
        assertThat(sentAuthorization(http)).isNull();
    }

    @Test
    void eachCopySendsItsOwnAuthorizationAndTheOriginalStaysAnonymous() {
        EngineHttp basic = http.withBasicAuth("Aladdin", "open sesame");
        EngineHttp apiKey = basic.withAuthorization("ApiKey a2V5OnNlY3JldA==");

        assertThat(sentAuthorization(basic)).isEqualTo("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
        assertThat(sentAuthorization(apiKey)).isEqualTo("ApiKey a2V5OnNlY3JldA==");
        assertThat(sentAuthorization(apiKey.withoutAuthorization())).isNull();
        assertThat(sentAuthorization(http)).isNull();
        assertThat(apiKey.baseUri()).isEqualTo(http.baseUri());
    }

    @Test
    void anEmptyAuthorizationIsAMistake() {
        assertThatThrownBy(() -> http.withAuthorization(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String sentAuthorization(EngineHttp client) {
        var echoed = client.get("/").requireSuccess().json().path("authorization");
        return echoed.isNull() ? null : echoed.asText();
    }
}
