package io.buildanalytics.shipper.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.buildanalytics.shipper.TestShippers;
import io.buildanalytics.shipper.backend.BackendException.Problem;
import io.buildanalytics.shipper.backend.FakeEngine.Reply;
import io.buildanalytics.shipper.connection.Auth;
import io.buildanalytics.shipper.connection.EngineConnection;
import io.buildanalytics.shipper.connection.EngineProduct;
import io.buildanalytics.shipper.connection.SecretText;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class BackendFailuresTest {

    private static final List<BulkItem> ONE_EVENT = List.of(new BulkItem("events", "1", "{\"a\":1}"));
    private static final String PASSWORD = "pw-Secret-42";

    private static EngineConnection connection(EngineProduct product, URI uri) {
        return EngineConnection.to(product, uri).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1));
    }

    @ParameterizedTest
    @EnumSource(EngineProduct.class)
    void aServerThatNeverAnswersTimesOutAfterTheReadTimeout(EngineProduct product) throws Exception {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // test over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            try (Backend backend = Backends.open(connection(product,
                    URI.create("http://127.0.0.1:" + silent.getLocalPort())))) {
                long start = System.nanoTime();
                assertThatThrownBy(() -> backend.bulk(ONE_EVENT))
                        .isInstanceOfSatisfying(BackendException.class, e -> {
                            assertThat(e.problem()).isEqualTo(Problem.TIMEOUT);
                            assertThat(e.problem().isTransient()).isTrue();
                            assertThat(e.getMessage()).contains("http://127.0.0.1:" + silent.getLocalPort())
                                    .contains("within 1 s");
                        });
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(EngineProduct.class)
    void aClosedPortIsUnreachable(EngineProduct product) throws Exception {
        int port = TestShippers.unusedLocalPort();
        try (Backend backend = Backends.open(connection(product, URI.create("http://127.0.0.1:" + port)))) {
            assertThatThrownBy(backend::info)
                    .isInstanceOfSatisfying(BackendException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.UNREACHABLE);
                        assertThat(e.httpStatus()).isZero();
                        assertThat(e.getMessage()).contains("http://127.0.0.1:" + port).contains("refused");
                    });
        }
    }

    @ParameterizedTest
    @EnumSource(EngineProduct.class)
    void anUnknownHostIsUnreachable(EngineProduct product) {
        try (Backend backend = Backends.open(connection(product, URI.create("http://engine.invalid:9200")))) {
            assertThatThrownBy(() -> backend.bulk(ONE_EVENT))
                    .isInstanceOfSatisfying(BackendException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.UNREACHABLE);
                        assertThat(e.getMessage()).contains("engine.invalid").contains("DNS");
                    });
        }
    }

    @ParameterizedTest
    @EnumSource(EngineProduct.class)
    void rejectedCredentialsAreNamedButTheSecretIsNot(EngineProduct product) throws Exception {
        // The engine echoes the Authorization header and the password, as a careless proxy might.
        try (FakeEngine engine = FakeEngine.http(request -> elasticFlavoured(product, Reply.json(401,
                "{\"error\":{\"type\":\"security_exception\",\"reason\":\"unable to authenticate with ["
                        + request.headers().getFirst("Authorization") + "] and " + PASSWORD + "\"},\"status\":401}")));
             Backend backend = Backends.open(connection(product, engine.uri())
                     .withAuth(new Auth.Basic("shipper", SecretText.of(PASSWORD))))) {
            for (ThrowingCall call : List.<ThrowingCall>of(backend::info, () -> backend.bulk(ONE_EVENT))) {
                assertThatThrownBy(call::run)
                        .isInstanceOfSatisfying(BackendException.class, e -> {
                            assertThat(e.problem()).isEqualTo(Problem.AUTHENTICATION);
                            assertThat(e.httpStatus()).isEqualTo(401);
                            assertThat(e.getMessage()).contains("basic auth as user 'shipper'")
                                    .contains(engine.uri().toString()).contains("security_exception")
                                    .doesNotContain(PASSWORD).doesNotContain("c2hpcHBlcj");
                        });
            }
        }
    }

    @ParameterizedTest
    @EnumSource(EngineProduct.class)
    void anApiKeyIsSentAsConfiguredAndOnlyItsIdIsNamed(EngineProduct product) throws Exception {
        try (FakeEngine engine = FakeEngine.http(request -> elasticFlavoured(product, Reply.json(401,
                "{\"error\":{\"type\":\"security_exception\",\"reason\":\"bad key\"},\"status\":401}")));
             Backend backend = Backends.open(connection(product, engine.uri())
                     .withAuth(new Auth.ApiKey(SecretText.of("key-id-7:key-secret-9"))))) {
            assertThatThrownBy(backend::info)
                    .isInstanceOfSatisfying(BackendException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.AUTHENTICATION);
                        assertThat(e.getMessage()).contains("API key with id 'key-id-7'")
                                .doesNotContain("key-secret-9");
                    });
            assertThat(engine.received().get(0).headers().getFirst("Authorization"))
                    .isEqualTo("ApiKey " + java.util.Base64.getEncoder().encodeToString(
                            "key-id-7:key-secret-9".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
    }

    @ParameterizedTest
    @EnumSource(EngineProduct.class)
    void aBearerTokenIsSentAsConfigured(EngineProduct product) throws Exception {
        try (FakeEngine engine = FakeEngine.http(FakeEngine.engine(product));
             Backend backend = Backends.open(connection(product, engine.uri())
                     .withAuth(new Auth.Bearer(SecretText.of("token-xyz"))))) {
            backend.info();
            backend.bulk(ONE_EVENT);
            assertThat(engine.received()).extracting(request -> request.headers().getFirst("Authorization"))
                    .containsOnly("Bearer token-xyz");
        }
    }

    static List<Arguments> statuses() {
        List<Arguments> cases = new java.util.ArrayList<>();
        for (EngineProduct product : EngineProduct.values()) {
            cases.add(Arguments.of(product, 403, Problem.AUTHORIZATION));
            cases.add(Arguments.of(product, 413, Problem.TOO_LARGE));
            cases.add(Arguments.of(product, 429, Problem.THROTTLED));
            cases.add(Arguments.of(product, 500, Problem.SERVER));
            cases.add(Arguments.of(product, 503, Problem.SERVER));
            cases.add(Arguments.of(product, 400, Problem.REJECTED));
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} answering {1} to a bulk request -> {2}")
    @MethodSource("statuses")
    void aWholeRequestRefusalIsClassifiedByItsStatus(EngineProduct product, int status, Problem expected)
            throws Exception {
        // 413 comes as a proxy's HTML page, the rest as engine errors: both must be understood.
        try (FakeEngine engine = FakeEngine.http(request -> elasticFlavoured(product, status == 413
                ? new Reply(413, Map.of("Content-Type", "text/html"), "<html><body>Request Entity Too Large</body></html>")
                : Reply.json(status, "{\"error\":{\"type\":\"some_exception\",\"reason\":\"because\"},\"status\":"
                        + status + "}")));
             Backend backend = Backends.open(connection(product, engine.uri()))) {
            assertThatThrownBy(() -> backend.bulk(ONE_EVENT))
                    .isInstanceOfSatisfying(BackendException.class, e -> {
                        assertThat(e.problem()).isEqualTo(expected);
                        assertThat(e.httpStatus()).isEqualTo(status);
                        assertThat(e.getMessage()).contains(engine.uri().toString()).contains("HTTP " + status);
                    });
        }
    }

    @ParameterizedTest
    @EnumSource(EngineProduct.class)
    void perItemOutcomesComeBackInOrderWithTheEnginesWords(EngineProduct product) throws Exception {
        String answer = "{\"took\":3,\"errors\":true,\"items\":["
                + "{\"index\":{\"_index\":\"events\",\"_id\":\"a\",\"status\":201,\"result\":\"created\"}},"
                + "{\"index\":{\"_index\":\"events\",\"_id\":\"b\",\"status\":400,\"error\":{\"type\":"
                + "\"document_parsing_exception\",\"reason\":\"failed to parse field [n]\"}}},"
                + "{\"index\":{\"_index\":\"events\",\"_id\":\"c\",\"status\":429,\"error\":{\"type\":"
                + "\"es_rejected_execution_exception\",\"reason\":\"queue full\"}}},"
                + "{\"index\":{\"_index\":\"events\",\"_id\":\"d\",\"status\":200,\"result\":\"updated\"}}]}";
        try (FakeEngine engine = FakeEngine.http(request -> elasticFlavoured(product, Reply.json(200, answer)));
             Backend backend = Backends.open(connection(product, engine.uri()))) {
            List<BulkItemResult> results = backend.bulk(List.of(new BulkItem("events", "a", "{\"n\":1}"),
                    new BulkItem("events", "b", "{\n  \"n\": \"x\"\n}"), new BulkItem("events", "c", "{}"),
                    new BulkItem("events", "d", "{\"n\":2}")));
            assertThat(results).containsExactly(BulkItemResult.indexed(201),
                    new BulkItemResult(400, "document_parsing_exception", "failed to parse field [n]"),
                    new BulkItemResult(429, "es_rejected_execution_exception", "queue full"),
                    BulkItemResult.indexed(200));
            assertThat(results.get(1).permanentlyRejected()).isTrue();
            assertThat(results.get(2).retryable()).isTrue();
            // Documents travel as given, one per line (the pretty-printed one joined), after their action line.
            List<String> lines = engine.received().get(0).bodyText().lines().toList();
            assertThat(lines).hasSize(8);
            List<String> ids = List.of("a", "b", "c", "d");
            for (int i = 0; i < ids.size(); i++) {
                assertThat(HttpAnswer.JSON.readTree(lines.get(2 * i))).isEqualTo(HttpAnswer.JSON.readTree(
                        "{\"index\":{\"_index\":\"events\",\"_id\":\"" + ids.get(i) + "\"}}"));
            }
            assertThat(List.of(lines.get(1), lines.get(3), lines.get(5), lines.get(7)))
                    .containsExactly("{\"n\":1}", "{   \"n\": \"x\" }", "{}", "{\"n\":2}");
        }
    }

    @ParameterizedTest
    @EnumSource(EngineProduct.class)
    void aBulkAnswerWithTheWrongNumberOfItemsIsAServerProblem(EngineProduct product) throws Exception {
        try (FakeEngine engine = FakeEngine.http(request -> elasticFlavoured(product,
                Reply.json(200, "{\"took\":1,\"errors\":false,\"items\":[]}")));
             Backend backend = Backends.open(connection(product, engine.uri()))) {
            assertThatThrownBy(() -> backend.bulk(ONE_EVENT))
                    .isInstanceOfSatisfying(BackendException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.SERVER));
        }
    }

    @org.junit.jupiter.api.Test
    void elasticsearchRefusalsWithoutTheProductHeaderMeanAnotherProductUnlessAProxyCouldHaveSentThem()
            throws Exception {
        try (FakeEngine engine = FakeEngine.http(request -> request.uri().getPath().equals("/_bulk")
                ? Reply.json(406, "{\"error\":\"Content-Type header [application/vnd.elasticsearch+json;"
                + " compatible-with=8] is not supported\",\"status\":406}")
                : new Reply(413, Map.of("Content-Type", "text/html"), "<html>Request Entity Too Large</html>"));
             Backend backend = Backends.open(connection(EngineProduct.ELASTICSEARCH, engine.uri()))) {
            assertThatThrownBy(() -> backend.bulk(ONE_EVENT))
                    .isInstanceOfSatisfying(BackendException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.WRONG_PRODUCT);
                        assertThat(e.getMessage()).contains("HTTP 406").contains("choose OpenSearch");
                    });
            assertThatThrownBy(() -> backend.indexTemplate("events"))
                    .isInstanceOfSatisfying(BackendException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.TOO_LARGE));
        }
    }

    private static Reply elasticFlavoured(EngineProduct product, Reply reply) {
        return product == EngineProduct.ELASTICSEARCH ? FakeEngine.asElasticsearch(reply) : reply;
    }

    @FunctionalInterface
    interface ThrowingCall {
        void run() throws Exception;
    }
}
