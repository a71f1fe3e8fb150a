package io.buildanalytics.shipper.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildanalytics.shipper.TestShippers;
import io.buildanalytics.shipper.backend.BackendException.Problem;
import io.buildanalytics.shipper.backend.FakeEngine.Received;
import io.buildanalytics.shipper.backend.FakeEngine.Reply;
import io.buildanalytics.shipper.connection.Auth;
import io.buildanalytics.shipper.connection.EngineConnection;
import io.buildanalytics.shipper.connection.EngineProduct;
import io.buildanalytics.shipper.connection.ProxySettings;
import io.buildanalytics.shipper.connection.SecretText;
import io.buildanalytics.shipper.connection.TlsSettings;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Amazon OpenSearch Service's request signing, checked by a local https server that recomputes every signature
 * from the request it received (see {@link SigV4Check}) and refuses a wrong one, as AWS does.
 */
class SigV4BackendTest {

    private static final String ACCESS_KEY_ID = "AKIDEXAMPLE12345";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String REGION = "eu-west-1";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final List<String> verified = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();

    /** Answers like OpenSearch when the signature is right, 403 like AWS when it is not. */
    private Function<Received, Reply> checkingSignatures(String service, String expectedSessionToken) {
        Function<Received, Reply> engine = FakeEngine.engine(EngineProduct.OPENSEARCH);
        return request -> {
            String problem = signatureProblem(request, service, expectedSessionToken);
            if (problem != null) {
                refused.add(problem);
                return Reply.json(403, "{\"message\":\"The request signature we calculated does not match: "
                        + problem + "\"}");
            }
            verified.add(request.method() + " " + request.uri());
            return engine.apply(request);
        };
    }

    private static String signatureProblem(Received request, String service, String expectedSessionToken) {
        SigV4Check.Authorization authorization;
        try {
            authorization = SigV4Check.parse(request.headers().getFirst("Authorization"));
        } catch (AssertionError e) {
            return e.getMessage();
        }
        String amzDate = request.headers().getFirst("X-Amz-Date");
        String payloadHash = request.headers().getFirst("x-amz-content-sha256");
        if (amzDate == null || payloadHash == null) {
            return "X-Amz-Date or x-amz-content-sha256 missing";
        }
        Instant signedAt = AMZ_DATE.parse(amzDate, Instant::from);
        if (Duration.between(signedAt, Instant.now()).abs().compareTo(Duration.ofMinutes(5)) > 0) {
            return "signed at " + amzDate;
        }
        if (!authorization.accessKeyId().equals(ACCESS_KEY_ID) || !authorization.region().equals(REGION)
                || !authorization.service().equals(service) || !amzDate.startsWith(authorization.date())) {
            return "wrong credential scope " + authorization;
        }
        if (!payloadHash.equals(SigV4Check.sha256Hex(request.body()))) {
            return "x-amz-content-sha256 is not the body's hash";
        }
        if (!authorization.signedHeaders().containsAll(List.of("host", "x-amz-date"))) {
            return "host and x-amz-date must be signed: " + authorization.signedHeaders();
        }
        if (expectedSessionToken != null && (!expectedSessionToken.equals(
                request.headers().getFirst("X-Amz-Security-Token"))
                || !authorization.signedHeaders().contains("x-amz-security-token"))) {
            return "session token missing or unsigned";
        }
        String expected = SigV4Check.expectedSignature(request.method(), request.uri().getRawPath(),
                request.uri().getRawQuery(), name -> request.headers().getFirst(name), authorization, SECRET);
        return expected.equals(authorization.signature()) ? null
                : "signature " + authorization.signature() + " is not " + expected;
    }

    private static EngineConnection signed(URI url, String service, String secret, String sessionToken) {
        return EngineConnection.to(EngineProduct.OPENSEARCH, url)
                .withAuth(new Auth.AwsSigV4(REGION, service, ACCESS_KEY_ID, SecretText.of(secret),
                        sessionToken == null ? null : SecretText.of(sessionToken)))
                .withTls(TlsSettings.trusting(TestCertificates.localhost().pem()))
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void everyRequestIsSignedForTheServiceRegionAndBody() throws Exception {
        try (FakeEngine engine = FakeEngine.https(TestCertificates.localhost().serverContext(),
                checkingSignatures("es", null));
             Backend backend = Backends.open(signed(engine.uri(), "es", SECRET, null))) {
            assertThat(backend.info()).isEqualTo(new EngineInfo(EngineProduct.OPENSEARCH, "2.19.4"));
            assertThat(backend.bulk(List.of(new BulkItem("events-2026", "a1", "{\"result\":\"SUCCESS\"}"),
                    new BulkItem("events-2026", "a2", "{\"result\":\"FAILURE\"}"))))
                    .containsExactly(BulkItemResult.indexed(201), BulkItemResult.indexed(201));
            assertThat(backend.indexTemplate("events")).isEmpty();
            ObjectNode template = HttpAnswer.JSON.createObjectNode();
            template.putArray("index_patterns").add("events-*");
            assertThatThrownBy(() -> backend.putIndexTemplate("events", template))
                    .isInstanceOfSatisfying(BackendException.class,
                            e -> assertThat(e.httpStatus()).isEqualTo(404)); // the fake has no template API
        }
        assertThat(refused).isEmpty();
        assertThat(verified).containsExactly("GET /", "POST /_bulk", "GET /_index_template/events",
                "PUT /_index_template/events");
    }

    @Test
    void serverlessSigningUsesTheAossServiceAndSessionTokensAreSigned() throws Exception {
        try (FakeEngine engine = FakeEngine.https(TestCertificates.localhost().serverContext(),
                checkingSignatures("aoss", "session-token-1"));
             Backend backend = Backends.open(signed(engine.uri(), "aoss", SECRET, "session-token-1"))) {
            assertThat(backend.bulk(List.of(new BulkItem("events", "a1", "{}"))))
                    .containsExactly(BulkItemResult.indexed(201));
        }
        assertThat(refused).isEmpty();
        assertThat(verified).containsExactly("POST /_bulk");
    }

    @Test
    void aWrongSecretIsRefusedByTheServerAndReportedWithoutIt() throws Exception {
        try (FakeEngine engine = FakeEngine.https(TestCertificates.localhost().serverContext(),
                checkingSignatures("es", null));
             Backend backend = Backends.open(signed(engine.uri(), "es", "not-the-secret-key", null))) {
            assertThatThrownBy(backend::info)
                    .isInstanceOfSatisfying(BackendException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.AUTHORIZATION);
                        assertThat(e.getMessage()).contains("AWS SigV4 (es in eu-west-1, access key AKID…2345)")
                                .doesNotContain("not-the-secret-key");
                    });
        }
        assertThat(refused).singleElement().asString().startsWith("signature ");
    }

    @Test
    void theDefaultCredentialsChainIsUsedWithoutAKey() throws Exception {
        System.setProperty("aws.accessKeyId", ACCESS_KEY_ID);
        System.setProperty("aws.secretAccessKey", SECRET);
        try (FakeEngine engine = FakeEngine.https(TestCertificates.localhost().serverContext(),
                checkingSignatures("es", null));
             Backend backend = Backends.open(EngineConnection.to(EngineProduct.OPENSEARCH, engine.uri())
                     .withAuth(Auth.AwsSigV4.defaultCredentials(REGION, "es"))
                     .withTls(TlsSettings.trusting(TestCertificates.localhost().pem())))) {
            assertThat(backend.info().version()).isEqualTo("2.19.4");
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
        assertThat(refused).isEmpty();
        assertThat(verified).containsExactly("GET /");
    }

    @Test
    void thePathPrefixIsPartOfTheSignedPath() throws Exception {
        try (FakeEngine engine = FakeEngine.https(TestCertificates.localhost().serverContext(),
                checkingSignatures("es", null));
             Backend backend = Backends.open(signed(URI.create(engine.uri() + "/search/"), "es", SECRET, null))) {
            backend.bulk(List.of(new BulkItem("events", "a1", "{}")));
        }
        assertThat(refused).isEmpty();
        assertThat(verified).containsExactly("POST /search/_bulk");
    }

    @Test
    void theSigningPathGoesThroughTheProxy() throws Exception {
        try (FakeEngine engine = FakeEngine.https(TestCertificates.localhost().serverContext(),
                checkingSignatures("es", null));
             RecordingProxy proxy = new RecordingProxy(RecordingProxy.everythingTo(engine.uri()), null, null);
             Backend backend = Backends.open(signed(engine.uri("engine.invalid"), "es", SECRET, null)
                     .withProxy(ProxySettings.of("127.0.0.1", proxy.port())))) {
            assertThat(backend.info().product()).isEqualTo(EngineProduct.OPENSEARCH);
            assertThat(proxy.requestLines()).contains("CONNECT engine.invalid:" + engine.port() + " HTTP/1.1");
        }
        assertThat(refused).isEmpty();
    }

    /**
     * The JDK's HttpURLConnection does not answer a proxy's Basic challenge while opening an https tunnel unless
     * the JVM runs with {@code -Djdk.http.auth.tunneling.disabledSchemes=""} (it does then; tried by hand). With
     * the default, the refusal must at least be reported as the proxy's authentication problem.
     */
    @Test
    void behindAProxyWantingBasicCredentialsTheJdkDefaultIsReportedAsTheProxysRefusal() throws Exception {
        try (FakeEngine engine = FakeEngine.https(TestCertificates.localhost().serverContext(),
                checkingSignatures("es", null));
             RecordingProxy proxy = new RecordingProxy(RecordingProxy.everythingTo(engine.uri()), "proxy-user",
                     "proxy-pass");
             Backend backend = Backends.open(signed(engine.uri("engine.invalid"), "es", SECRET, null)
                     .withProxy(new ProxySettings("127.0.0.1", proxy.port(), "proxy-user",
                             SecretText.of("proxy-pass"), List.of())))) {
            assertThatThrownBy(backend::info).isInstanceOfSatisfying(BackendException.class, e -> {
                assertThat(e.problem()).isEqualTo(Problem.AUTHENTICATION);
                assertThat(e.getMessage()).contains("proxy user is 'proxy-user'").doesNotContain("proxy-pass");
            });
            assertThat(proxy.challenges()).isEqualTo(1);
        }
        assertThat(verified).isEmpty();
    }

    @Test
    void aTimeoutOnTheSigningPathIsReportedAsSuch() throws Exception {
        try (FakeEngine engine = FakeEngine.https(TestCertificates.localhost().serverContext(), request -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.json(200, "{}");
        });
             Backend backend = Backends.open(signed(engine.uri(), "es", SECRET, null)
                     .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1)))) {
            long start = System.nanoTime();
            assertThatThrownBy(backend::info).isInstanceOfSatisfying(BackendException.class,
                    e -> assertThat(e.problem()).isEqualTo(Problem.TIMEOUT));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void anUntrustedCertificateOnTheSigningPathIsATlsProblem() throws Exception {
        try (FakeEngine engine = FakeEngine.https(TestCertificates.localhost().serverContext(),
                checkingSignatures("es", null));
             Backend backend = Backends.open(signed(engine.uri(), "es", SECRET, null)
                     .withTls(TlsSettings.systemTrust()))) {
            assertThatThrownBy(backend::info).isInstanceOfSatisfying(BackendException.class,
                    e -> assertThat(e.problem()).isEqualTo(Problem.TLS));
        }
        assertThat(verified).isEmpty();
    }

    @Test
    void aClosedPortOnTheSigningPathIsUnreachable() throws Exception {
        int port = TestShippers.unusedLocalPort();
        try (Backend backend = Backends.open(signed(URI.create("https://127.0.0.1:" + port), "es", SECRET, null))) {
            assertThatThrownBy(() -> backend.bulk(List.of(new BulkItem("events", "1", "{}"))))
                    .isInstanceOfSatisfying(BackendException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.UNREACHABLE));
        }
    }

    @Test
    void signingNeedsOneHttpsUrl() {
        EngineConnection plainHttp = EngineConnection.to(EngineProduct.OPENSEARCH, URI.create("http://localhost:9200"))
                .withAuth(Auth.AwsSigV4.defaultCredentials(REGION, "es"));
        assertThatThrownBy(() -> Backends.open(plainHttp)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https://");
    }
}
