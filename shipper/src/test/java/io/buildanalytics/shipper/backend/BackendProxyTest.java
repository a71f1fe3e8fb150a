package io.buildanalytics.shipper.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.buildanalytics.shipper.backend.BackendException.Problem;
import io.buildanalytics.shipper.connection.EngineConnection;
import io.buildanalytics.shipper.connection.EngineProduct;
import io.buildanalytics.shipper.connection.ProxySettings;
import io.buildanalytics.shipper.connection.SecretText;
import io.buildanalytics.shipper.connection.TlsSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The engine URLs here name a host that cannot resolve, so a working request proves it went through the proxy.
 */
class BackendProxyTest {

    private static final List<BulkItem> ONE_EVENT = List.of(new BulkItem("events", "1", "{\"a\":1}"));

    private static EngineConnection unresolvable(EngineProduct product, FakeEngine engine) {
        return EngineConnection.to(product, engine.uri("engine.invalid"))
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    private static ProxySettings proxy(RecordingProxy proxy, String user, String password) {
        return new ProxySettings("127.0.0.1", proxy.port(), user, password == null ? null : SecretText.of(password),
                List.of());
    }

    @ParameterizedTest
    @EnumSource(EngineProduct.class)
    void plainHttpGoesThroughTheProxyInAbsoluteForm(EngineProduct product) throws Exception {
        try (FakeEngine engine = FakeEngine.http(FakeEngine.engine(product));
             RecordingProxy recording = new RecordingProxy(RecordingProxy.everythingTo(engine.uri()), null, null);
             Backend backend = Backends.open(unresolvable(product, engine).withProxy(proxy(recording, null, null)))) {
            assertThat(backend.info().product()).isEqualTo(product);
            assertThat(backend.bulk(ONE_EVENT)).containsExactly(BulkItemResult.indexed(201));
            assertThat(recording.requestLines()).contains(
                    "GET http://engine.invalid:" + engine.port() + "/ HTTP/1.1",
                    "POST http://engine.invalid:" + engine.port() + "/_bulk HTTP/1.1");
        }
    }

    @ParameterizedTest
    @EnumSource(EngineProduct.class)
    void proxyCredentialsAnswerTheChallenge(EngineProduct product) throws Exception {
        try (FakeEngine engine = FakeEngine.http(FakeEngine.engine(product));
             RecordingProxy recording = new RecordingProxy(RecordingProxy.everythingTo(engine.uri()),
                     "proxy-user", "proxy-pass");
             Backend backend = Backends.open(unresolvable(product, engine)
                     .withProxy(proxy(recording, "proxy-user", "proxy-pass")))) {
            assertThat(backend.info().product()).isEqualTo(product);
            assertThat(recording.challenges()).isGreaterThanOrEqualTo(1);
            assertThat(engine.received()).hasSize(1);
            // The proxy credentials are for the proxy only.
            assertThat(engine.received().get(0).headers().containsKey("Proxy-Authorization")).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(EngineProduct.class)
    void wrongProxyCredentialsAreAnAuthenticationProblemNamingTheProxyUser(EngineProduct product) throws Exception {
        try (FakeEngine engine = FakeEngine.http(FakeEngine.engine(product));
             RecordingProxy recording = new RecordingProxy(RecordingProxy.everythingTo(engine.uri()),
                     "proxy-user", "proxy-pass");
             Backend backend = Backends.open(unresolvable(product, engine)
                     .withProxy(proxy(recording, "proxy-user", "not-the-password")))) {
            assertThatThrownBy(backend::info)
                    .isInstanceOfSatisfying(BackendException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.AUTHENTICATION);
                        assertThat(e.httpStatus()).isEqualTo(407);
                        assertThat(e.getMessage()).contains("proxy user is 'proxy-user'")
                                .doesNotContain("not-the-password");
                    });
            assertThat(engine.received()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(EngineProduct.class)
    void httpsIsTunnelledWithConnect(EngineProduct product) throws Exception {
        TestCertificates certificate = TestCertificates.localhost();
        try (FakeEngine engine = FakeEngine.https(certificate.serverContext(), FakeEngine.engine(product));
             RecordingProxy recording = new RecordingProxy(RecordingProxy.everythingTo(engine.uri()),
                     "proxy-user", "proxy-pass");
             Backend backend = Backends.open(unresolvable(product, engine)
                     .withTls(TlsSettings.trusting(certificate.pem()))
                     .withProxy(proxy(recording, "proxy-user", "proxy-pass")))) {
            assertThat(backend.bulk(ONE_EVENT)).containsExactly(BulkItemResult.indexed(201));
            assertThat(recording.requestLines()).contains("CONNECT engine.invalid:" + engine.port() + " HTTP/1.1");
            assertThat(recording.challenges()).isGreaterThanOrEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(EngineProduct.class)
    void nonProxyHostsGoDirect(EngineProduct product) throws Exception {
        try (FakeEngine engine = FakeEngine.http(FakeEngine.engine(product));
             RecordingProxy recording = new RecordingProxy(RecordingProxy.everythingTo(engine.uri()), null, null);
             Backend backend = Backends.open(EngineConnection.to(product, URI.create("http://127.0.0.1:" + engine.port()))
                     .withProxy(new ProxySettings("127.0.0.1", recording.port(), null, null,
                             List.of("*.example.com", "127.0.0.1"))))) {
            assertThat(backend.info().product()).isEqualTo(product);
            assertThat(recording.requestLines()).isEmpty();
            assertThat(engine.received()).hasSize(1);
        }
    }
}
