package io.buildanalytics.shipper.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.buildanalytics.shipper.backend.BackendException.Problem;
import io.buildanalytics.shipper.connection.Auth;
import io.buildanalytics.shipper.connection.EngineConnection;
import io.buildanalytics.shipper.connection.EngineProduct;
import io.buildanalytics.shipper.connection.SecretText;
import io.buildanalytics.shipper.connection.TlsSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BackendTlsTest {

    private static EngineConnection https(EngineProduct product, FakeEngine engine, TlsSettings tls) {
        return EngineConnection.to(product, engine.uri()).withTls(tls)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    private static String versionOf(EngineProduct product) {
        return product == EngineProduct.OPENSEARCH ? "2.19.4" : "8.19.21";
    }

    @ParameterizedTest
    @EnumSource(EngineProduct.class)
    void trustsExactlyTheConfiguredCa(EngineProduct product) throws Exception {
        TestCertificates certificate = TestCertificates.localhost();
        try (FakeEngine engine = FakeEngine.https(certificate.serverContext(), FakeEngine.engine(product));
             Backend backend = Backends.open(https(product, engine, TlsSettings.trusting(certificate.pem())))) {
            assertThat(backend.info()).isEqualTo(new EngineInfo(product, versionOf(product)));
            assertThat(backend.bulk(List.of(new BulkItem("events", "1", "{\"a\":1}"))))
                    .containsExactly(BulkItemResult.indexed(201));
        }
    }

    @ParameterizedTest
    @EnumSource(EngineProduct.class)
    void theJvmTrustStoreRefusesASelfSignedCertificate(EngineProduct product) throws Exception {
        try (FakeEngine engine = FakeEngine.https(TestCertificates.localhost().serverContext(),
                FakeEngine.engine(product));
             Backend backend = Backends.open(https(product, engine, TlsSettings.systemTrust()))) {
            assertThatThrownBy(backend::info)
                    .isInstanceOfSatisfying(BackendException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.TLS);
                        assertThat(e.getMessage()).contains(engine.uri().toString()).contains("not trusted")
                                .contains("CA certificate");
                    });
        }
    }

    @ParameterizedTest
    @EnumSource(EngineProduct.class)
    void aCertificateForAnotherHostNameIsRefusedEvenFromATrustedCa(EngineProduct product) throws Exception {
        TestCertificates elsewhere = TestCertificates.elsewhere();
        try (FakeEngine engine = FakeEngine.https(elsewhere.serverContext(), FakeEngine.engine(product));
             Backend backend = Backends.open(https(product, engine, TlsSettings.trusting(elsewhere.pem())))) {
            assertThatThrownBy(backend::info)
                    .isInstanceOfSatisfying(BackendException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.TLS);
                        assertThat(e.getMessage()).contains("host name");
                    });
        }
    }

    @ParameterizedTest
    @EnumSource(EngineProduct.class)
    void withoutVerificationAnyCertificateAndNameIsAcceptedAndOneWarningIsLogged(EngineProduct product)
            throws Exception {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(Backends.class.getName());
        logger.addHandler(capture);
        try (FakeEngine engine = FakeEngine.https(TestCertificates.elsewhere().serverContext(),
                FakeEngine.engine(product));
             Backend backend = Backends.open(https(product, engine, TlsSettings.insecureNoVerification())
                     .withAuth(new Auth.Basic("shipper", SecretText.of("s3cret-password"))))) {
            assertThat(backend.info().product()).isEqualTo(product);
        } finally {
            logger.removeHandler(capture);
        }
        assertThat(records).hasSize(1);
        assertThat(records.get(0).getLevel()).isEqualTo(Level.WARNING);
        assertThat(records.get(0).getMessage()).contains("TLS VERIFICATION IS OFF").contains("localhost")
                .doesNotContain("s3cret-password");
    }

    @Test
    void severalCertificatesWithTextAroundThemAreAllTrusted() throws Exception {
        String bundle = "subject=CN = elsewhere.example\n" + TestCertificates.elsewhere().pem()
                + "\nsubject=CN = localhost\n" + TestCertificates.localhost().pem();
        assertThat(TlsTrust.parseCertificates(bundle)).hasSize(2);
        try (FakeEngine engine = FakeEngine.https(TestCertificates.localhost().serverContext(),
                FakeEngine.engine(EngineProduct.OPENSEARCH));
             Backend backend = Backends.open(https(EngineProduct.OPENSEARCH, engine, TlsSettings.trusting(bundle)))) {
            assertThat(backend.info().version()).isEqualTo("2.19.4");
        }
    }

    @Test
    void aTruncatedCertificateIsRefusedWhenOpening() {
        String truncated = TestCertificates.localhost().pem().replace("-----END CERTIFICATE-----", "");
        EngineConnection connection = EngineConnection.to(EngineProduct.OPENSEARCH,
                java.net.URI.create("https://localhost:9200")).withTls(TlsSettings.trusting(truncated));
        assertThatThrownBy(() -> Backends.open(connection))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no complete PEM certificate");
    }
}
