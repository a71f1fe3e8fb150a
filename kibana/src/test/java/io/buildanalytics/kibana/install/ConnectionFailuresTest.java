package io.buildanalytics.kibana.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.buildanalytics.kibana.bundle.Flavor;
import io.buildanalytics.kibana.install.InstallException.Problem;
import io.buildanalytics.shipper.backend.TestCertificates;
import io.buildanalytics.shipper.connection.TlsSettings;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConnectionFailuresTest {

    private final Installer installer = new Installer(TestBundles.both());

    @Test
    void nothingListeningIsAConnectionRefusedNamingTheUrl() throws Exception {
        URI url = URI.create("http://127.0.0.1:" + portWhereNothingListens() + "/kibana");

        assertThatThrownBy(() -> installer.importDashboards(DashboardsTarget.to(url)))
                .isInstanceOfSatisfying(InstallException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.UNREACHABLE);
                    assertThat(e.getMessage()).isEqualTo("Could not connect to " + url + ": the connection was"
                            + " refused (nothing listens on that host and port). Check that Kibana or OpenSearch"
                            + " Dashboards is running there, the URL and port, and any firewall in between.");
                });
    }

    @Test
    void anUnknownHostIsADnsProblemNamingTheHost() {
        URI url = URI.create("http://dashboards.invalid:5601");

        assertThatThrownBy(() -> installer.importDashboards(DashboardsTarget.to(url)))
                .isInstanceOfSatisfying(InstallException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.UNREACHABLE);
                    assertThat(e.getMessage()).startsWith("Could not connect to " + url + ": the host name"
                            + " 'dashboards.invalid' cannot be resolved (DNS).");
                });
    }

    @Test
    void noAnswerInTimeIsATimeoutNamingTheUrlAndTheTime() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (FakeDashboards slow = FakeDashboards.kibana("8.15.0")) {
            slow.answer("GET", "/api/status", request -> {
                awaitQuietly(release);
                return FakeDashboards.error(500, "late", "late");
            });
            DashboardsTarget target = DashboardsTarget.to(slow.url())
                    .withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(300));
            try {
                assertThatThrownBy(() -> installer.importDashboards(target))
                        .isInstanceOfSatisfying(InstallException.class, e -> {
                            assertThat(e.problem()).isEqualTo(Problem.TIMEOUT);
                            assertThat(e.getMessage()).isEqualTo("The server at " + slow.url() + " did not answer"
                                    + " within 300 ms when reading its status (/api/status). It may be overloaded or"
                                    + " still starting; try again, or allow more time.");
                        });
            } finally {
                release.countDown();
            }
        }
    }

    @Test
    void aCertificateTheJvmDoesNotTrustIsAnsweredWithHowToConfigureTheCa() throws Exception {
        TestCertificates certificate = TestCertificates.localhost();
        try (FakeDashboards kibana = FakeDashboards.kibanaOverHttps("8.15.0", certificate.serverContext())) {
            assertThatThrownBy(() -> installer.importDashboards(DashboardsTarget.to(kibana.url())))
                    .isInstanceOfSatisfying(InstallException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.TLS);
                        assertThat(e.getMessage()).startsWith("The TLS handshake with " + kibana.url() + " failed:"
                                + " its certificate is not trusted (")
                                .endsWith("Configure the certificate of the CA that issued it (PEM) as the trusted"
                                        + " CA for the dashboards server.")
                                .doesNotContainIgnoringCase("verification off")
                                .doesNotContainIgnoringCase("disable");
                    });
            assertThat(kibana.requests()).isEmpty();
        }
    }

    @Test
    void theConfiguredCaIsTrustedWithHostNamesStillChecked() throws Exception {
        TestCertificates certificate = TestCertificates.localhost();
        try (FakeDashboards kibana = FakeDashboards.kibanaOverHttps("8.15.0", certificate.serverContext())) {
            DashboardsTarget target = DashboardsTarget.to(kibana.url())
                    .withTls(TlsSettings.trusting(certificate.pem()));

            DashboardsReport report = installer.importDashboards(target);

            assertThat(report.server()).isEqualTo(new DetectedServer(Flavor.KIBANA, "8.15.0"));
            assertThat(installer.detect(DashboardsTarget.to(kibana.url("localhost"))
                    .withTls(TlsSettings.trusting(certificate.pem()))).version()).isEqualTo("8.15.0");
        }
    }

    @Test
    void aTrustedCertificateForAnotherHostNameIsRefused() throws Exception {
        TestCertificates elsewhere = TestCertificates.elsewhere();
        try (FakeDashboards kibana = FakeDashboards.kibanaOverHttps("8.15.0", elsewhere.serverContext())) {
            DashboardsTarget target = DashboardsTarget.to(kibana.url()).withTls(TlsSettings.trusting(elsewhere.pem()));

            assertThatThrownBy(() -> installer.importDashboards(target))
                    .isInstanceOfSatisfying(InstallException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.TLS);
                        assertThat(e.getMessage()).contains("its certificate does not match the host name"
                                + " '127.0.0.1'");
                    });
        }
    }

    @Test
    void withVerificationTurnedOffOnPurposeAnyCertificateIsAccepted() throws Exception {
        try (FakeDashboards kibana = FakeDashboards.kibanaOverHttps("8.15.0",
                TestCertificates.elsewhere().serverContext())) {
            DashboardsTarget target = DashboardsTarget.to(kibana.url()).withTls(TlsSettings.insecureNoVerification());

            assertThat(installer.detect(target).flavor()).isEqualTo(Flavor.KIBANA);
        }
    }

    @Test
    void plainHttpToAnHttpsServerIsNotMistakenForAnAnswer() throws Exception {
        try (FakeDashboards kibana = FakeDashboards.kibanaOverHttps("8.15.0",
                TestCertificates.localhost().serverContext())) {
            URI plain = URI.create(kibana.url().toString().replaceFirst("^https", "http"));
            DashboardsTarget target = DashboardsTarget.to(plain).withTimeouts(null, Duration.ofSeconds(5));

            assertThatThrownBy(() -> installer.detect(target)).isInstanceOf(InstallException.class)
                    .hasMessageContaining(plain.toString()).hasMessageContaining("its scheme (http or https)");
        }
    }

    @Test
    void httpsToAPlainHttpServerSaysTheHandshakeMayBeWhatDidNotComplete() throws Exception {
        try (FakeDashboards kibana = FakeDashboards.kibana("8.15.0")) {
            URI https = URI.create(kibana.url().toString().replaceFirst("^http", "https"));
            DashboardsTarget target = DashboardsTarget.to(https).withTimeouts(Duration.ofMillis(500), null);

            assertThatThrownBy(() -> installer.detect(target))
                    .isInstanceOfSatisfying(InstallException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.TIMEOUT);
                        assertThat(e.getMessage()).startsWith("Could not connect to " + https + ": no connection"
                                + " could be made within 500 ms (including the TLS handshake, which never completes"
                                + " if the server speaks plain http).");
                    });
        }
    }

    private static int portWhereNothingListens() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
