package io.buildanalytics.shipper;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.shipper.connection.EngineProduct;
import io.buildanalytics.shipper.connection.TlsSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the build-finished callback relies on: accept spools and returns, whatever the engine is doing. */
class ShipperAcceptTest {

    @TempDir
    Path dataDirectory;

    @Test
    void acceptSpoolsWhileTheEngineIsDownAndNeverThrows() throws Exception {
        List<BuildFacts> runs = Runs.of("shop/down", 200);
        try (Shipper shipper = Shipper.start(TestShippers.settings(EngineProduct.ELASTICSEARCH, TestShippers.unusedLocalUrl(),
                "unit-accept", dataDirectory), HistoryLookup.none())) {
            for (BuildFacts run : runs) {
                assertThat(shipper.accept(run)).isTrue();
            }
            assertThat(shipper.status().queued()).isEqualTo(runs.size());
            assertThat(shipper.status().sent()).isZero();
            assertThat(shipper.status().rejected()).isZero();
        }
    }

    @Test
    void turningTlsVerificationOffIsAStandingWarning() throws Exception {
        ShipperSettings settings = TestShippers.settings(EngineProduct.ELASTICSEARCH, TestShippers.unusedLocalUrl(), "unit-tls",
                dataDirectory);
        settings = settings.withConnection(settings.connection().withTls(TlsSettings.insecureNoVerification()));
        try (Shipper shipper = Shipper.start(settings, HistoryLookup.none())) {
            assertThat(shipper.status().warnings()).singleElement().asString().contains("verification is OFF");
        }
        try (Shipper shipper = Shipper.start(settings.withConnection(settings.connection()
                .withTls(TlsSettings.systemTrust())), HistoryLookup.none())) {
            assertThat(shipper.status().warnings()).isEmpty();
        }
    }

    @Test
    void afterCloseAcceptRefusesQuietlyAndCountsIt() throws Exception {
        Shipper shipper = Shipper.start(TestShippers.settings(EngineProduct.OPENSEARCH, TestShippers.unusedLocalUrl(),
                "unit-closed", dataDirectory), HistoryLookup.none());
        shipper.close();

        assertThat(shipper.accept(Runs.run("shop/closed", 1))).isFalse();
        assertThat(shipper.status().rejected()).isEqualTo(1);
        assertThat(shipper.status().lastError().sentence()).contains("stopped");
    }

    @Test
    void theSpoolSurvivesARestartOfTheShipper() throws Exception {
        ShipperSettings settings = TestShippers.settings(EngineProduct.ELASTICSEARCH, TestShippers.unusedLocalUrl(), "unit-restart",
                dataDirectory);
        try (Shipper shipper = Shipper.start(settings, HistoryLookup.none())) {
            Runs.of("shop/restart", 25).forEach(shipper::accept);
        }
        try (Shipper shipper = Shipper.start(settings, HistoryLookup.none())) {
            assertThat(shipper.status().queued()).isEqualTo(25);
        }
    }

}
