package io.buildanalytics.kibana.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.buildanalytics.kibana.bundle.Flavor;
import io.buildanalytics.kibana.install.FakeDashboards.Answer;
import io.buildanalytics.kibana.install.InstallException.Problem;
import io.buildanalytics.shipper.connection.Auth;
import io.buildanalytics.shipper.connection.SecretText;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerDetectionTest {

    private final Installer installer = new Installer(TestBundles.both());

    private DetectedServer detect(FakeDashboards server) throws InstallException {
        return installer.detect(DashboardsTarget.to(server.url()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.0.0", "8.19.3", "9.0.0", "9.2.1"})
    void kibana8And9AreDetectedFromTheirStatus(String version) throws Exception {
        try (FakeDashboards kibana = FakeDashboards.kibana(version)) {
            assertThat(detect(kibana)).isEqualTo(new DetectedServer(Flavor.KIBANA, version));
            assertThat(kibana.onlyRequestTo("/api/status").method()).isEqualTo("GET");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.0.0", "2.19.1", "3.0.0", "3.2.0"})
    void openSearchDashboards2And3AreDetectedFromTheirStatus(String version) throws Exception {
        try (FakeDashboards osd = FakeDashboards.openSearchDashboards(version)) {
            assertThat(detect(osd)).isEqualTo(new DetectedServer(Flavor.OPENSEARCH_DASHBOARDS, version));
        }
    }

    @Test
    void kibanaInItsCurrentStatusFormatIsRecognisedEvenWhenAProxyDropsItsNameHeader() throws Exception {
        try (FakeDashboards kibana = FakeDashboards.kibana("8.15.0")) {
            // The status body alone (core service "elasticsearch") decides; the header is only a fallback.
            kibana.answer("GET", "/api/status", Answer.json(200, "{\"version\":{\"number\":\"8.15.0\"},"
                    + "\"status\":{\"overall\":{\"level\":\"available\"},\"core\":{\"elasticsearch\":{},"
                    + "\"savedObjects\":{}}}}"));

            assertThat(detect(kibana)).isEqualTo(new DetectedServer(Flavor.KIBANA, "8.15.0"));
        }
    }

    @Test
    void openSearchDashboardsAskedForTheCurrentStatusFormatIsRecognisedToo() throws Exception {
        try (FakeDashboards osd = FakeDashboards.openSearchDashboards("2.19.1")) {
            osd.answer("GET", "/api/status", Answer.json(200, "{\"version\":{\"number\":\"2.19.1\"},"
                    + "\"status\":{\"overall\":{\"level\":\"available\"},\"core\":{\"opensearch\":{},"
                    + "\"savedObjects\":{}}}}"));

            assertThat(detect(osd)).isEqualTo(new DetectedServer(Flavor.OPENSEARCH_DASHBOARDS, "2.19.1"));
        }
    }

    @Test
    void aSnapshotBuildIsReportedWithoutTheSuffix() throws Exception {
        try (FakeDashboards kibana = FakeDashboards.kibana("9.1.0-SNAPSHOT")) {
            assertThat(detect(kibana).version()).isEqualTo("9.1.0");
        }
    }

    @Test
    void kibana7IsRefusedNamingTheVersionAndWhatIsSupported() throws Exception {
        try (FakeDashboards kibana = FakeDashboards.kibana("7.17.29")) {
            assertThatThrownBy(() -> detect(kibana))
                    .isInstanceOfSatisfying(InstallException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.UNSUPPORTED_VERSION);
                        assertThat(e.getMessage()).isEqualTo("Kibana 7.17.29 at " + kibana.url() + " is not"
                                + " supported: the Build Analytics dashboards need Kibana 8.x or 9.x.");
                    });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0"})
    void aKibanaNewerThanTheBundleIsRefusedToo(String version) throws Exception {
        try (FakeDashboards kibana = FakeDashboards.kibana(version)) {
            assertThatThrownBy(() -> detect(kibana))
                    .hasMessageContaining("Kibana " + version).hasMessageContaining("need Kibana 8.x or 9.x");
        }
    }

    @Test
    void openSearchDashboards1IsRefused() throws Exception {
        try (FakeDashboards osd = FakeDashboards.openSearchDashboards("1.3.20")) {
            assertThatThrownBy(() -> detect(osd))
                    .isInstanceOfSatisfying(InstallException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.UNSUPPORTED_VERSION);
                        assertThat(e.getMessage()).contains("OpenSearch Dashboards 1.3.20")
                                .contains("need OpenSearch Dashboards 2.x or 3.x");
                    });
        }
    }

    @Test
    void elasticsearchAnsweringTheStatusPathIsNamedAsTheEngineNotTheDashboards() throws Exception {
        try (FakeDashboards engine = FakeDashboards.openSearchDashboards("2.19.1")) {
            // What Elasticsearch answers for a path it has no handler for.
            engine.answer("GET", "/api/status", new Answer(400, Map.of("Content-Type", "application/json",
                    "X-elastic-product", "Elasticsearch"),
                    "{\"error\":\"no handler found for uri [/api/status] and method [GET]\"}".getBytes()));

            assertThatThrownBy(() -> detect(engine))
                    .isInstanceOfSatisfying(InstallException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.WRONG_PRODUCT);
                        assertThat(e.getMessage()).contains(engine.url().toString())
                                .contains("is Elasticsearch or OpenSearch itself, not Kibana or OpenSearch Dashboards");
                    });
        }
    }

    @Test
    void openSearchAnsweringTheStatusPathWithoutAProductHeaderIsRecognisedByItsErrorBody() throws Exception {
        try (FakeDashboards engine = FakeDashboards.openSearchDashboards("2.19.1")) {
            engine.answer("GET", "/api/status", Answer.json(400,
                    "{\"error\":\"no handler found for uri [/api/status] and method [GET]\"}"));

            assertThatThrownBy(() -> detect(engine)).hasMessageContaining("is Elasticsearch or OpenSearch itself");
        }
    }

    @Test
    void anEngineRefusingTheRequestForCredentialsIsRecognisedByItsErrorShape() throws Exception {
        try (FakeDashboards engine = FakeDashboards.openSearchDashboards("2.19.1")) {
            engine.answer("GET", "/api/status", Answer.json(401, "{\"error\":{\"root_cause\":[{\"type\":"
                    + "\"security_exception\",\"reason\":\"missing authentication credentials\"}],\"type\":"
                    + "\"security_exception\",\"reason\":\"missing authentication credentials\"},\"status\":401}"));

            assertThatThrownBy(() -> detect(engine)).hasMessageContaining("is Elasticsearch or OpenSearch itself");
        }
    }

    @Test
    void anotherJsonServiceIsNeitherProduct() throws Exception {
        try (FakeDashboards other = FakeDashboards.openSearchDashboards("2.19.1")) {
            other.answer("GET", "/api/status", Answer.json(200, "{\"version\":{\"number\":\"11.2.0\"},"
                    + "\"status\":\"ok\"}"));

            assertThatThrownBy(() -> detect(other))
                    .isInstanceOfSatisfying(InstallException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.WRONG_PRODUCT);
                        assertThat(e.getMessage()).isEqualTo("The server at " + other.url() + " answered"
                                + " /api/status with version 11.2.0, but not the way Kibana or OpenSearch Dashboards"
                                + " do: check that the URL points at one of them.");
                    });
        }
    }

    @Test
    void aLoginPageInsteadOfJsonIsSaidToBeNotJson() throws Exception {
        try (FakeDashboards proxy = FakeDashboards.openSearchDashboards("2.19.1")) {
            proxy.answer("GET", "/api/status", Answer.text(200, "text/html",
                    "<!DOCTYPE html>\n<html><body>Sign in</body></html>"));

            assertThatThrownBy(() -> detect(proxy))
                    .isInstanceOfSatisfying(InstallException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.UNREADABLE);
                        assertThat(e.getMessage()).contains(proxy.url() + "/api/status is not JSON")
                                .contains("<!DOCTYPE html> <html><body>Sign in")
                                .contains("not at a login page");
                    });
        }
    }

    @Test
    void kibanasShortStatusForAnonymousRequestsAsksForCredentials() throws Exception {
        try (FakeDashboards kibana = FakeDashboards.kibana("8.15.0")) {
            kibana.answer("GET", "/api/status",
                    Answer.json(200, "{\"status\":{\"overall\":{\"level\":\"available\"}}}"));

            assertThatThrownBy(() -> detect(kibana))
                    .isInstanceOfSatisfying(InstallException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.AUTHENTICATION);
                        assertThat(e.getMessage()).isEqualTo("Kibana at " + kibana.url() + " shows its version"
                                + " only to signed-in users and did not sign this request in: give a user name and"
                                + " password, an API key or a token.");
                    });
        }
    }

    @Test
    void kibanasShortStatusDespiteCredentialsQuestionsTheCredentialsWithoutShowingThem() throws Exception {
        try (FakeDashboards kibana = FakeDashboards.kibana("8.15.0")) {
            kibana.answer("GET", "/api/status",
                    Answer.json(200, "{\"status\":{\"overall\":{\"level\":\"available\"}}}"));
            DashboardsTarget target = DashboardsTarget.to(kibana.url())
                    .withAuth(new Auth.Bearer(SecretText.of("t0ken-value")));

            assertThatThrownBy(() -> installer.detect(target))
                    .hasMessageEndingWith("check that it accepts these credentials (bearer token) in an Authorization"
                            + " header.")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("t0ken-value"));
        }
    }

    @Test
    void aKibanaThatIsNotReadyIsReportedAsSuchWithItsVersion() throws Exception {
        try (FakeDashboards kibana = FakeDashboards.kibana("8.15.0")) {
            kibana.answer("GET", "/api/status", Answer.json(503, "{\"version\":{\"number\":\"8.15.0\"},"
                    + "\"status\":{\"overall\":{\"level\":\"unavailable\"},\"core\":{\"elasticsearch\":{}}}}"));

            assertThatThrownBy(() -> detect(kibana))
                    .isInstanceOfSatisfying(InstallException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.NOT_READY);
                        assertThat(e.getMessage()).isEqualTo("Kibana 8.15.0 at " + kibana.url() + " reports that it"
                                + " is not ready (HTTP 503, overall status 'unavailable'): try again when it is"
                                + " available.");
                    });
        }
    }

    @Test
    void noStatusApiAtTheUrlPointsAtTheBaseUrlAndPathPrefix() throws Exception {
        try (FakeDashboards osd = FakeDashboards.openSearchDashboardsUnder("/_dashboards", "2.19.1")) {
            DashboardsTarget withoutPrefix = DashboardsTarget.to(osd.url().resolve("/"));

            assertThatThrownBy(() -> installer.detect(withoutPrefix))
                    .isInstanceOfSatisfying(InstallException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.NOT_FOUND);
                        assertThat(e.getMessage()).contains("(HTTP 404: Not Found)")
                                .contains("check the base URL and its path prefix").contains("/_dashboards");
                    });
            assertThat(installer.detect(DashboardsTarget.to(osd.url())).flavor())
                    .isEqualTo(Flavor.OPENSEARCH_DASHBOARDS);
        }
    }
}
