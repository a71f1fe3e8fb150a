package io.buildanalytics.kibana.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.buildanalytics.kibana.bundle.Bundle;
import io.buildanalytics.kibana.bundle.Flavor;
import io.buildanalytics.kibana.install.FakeDashboards.Answer;
import io.buildanalytics.kibana.install.FakeDashboards.Request;
import io.buildanalytics.kibana.install.InstallException.Problem;
import io.buildanalytics.shipper.connection.Auth;
import io.buildanalytics.shipper.connection.SecretText;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DashboardsImportTest {

    private static final String IMPORT = "/api/saved_objects/_import";
    private static final Auth.Basic BASIC = new Auth.Basic("ci-installer", SecretText.of("pa55-w0rd"));
    private static final String API_KEY_TEXT = "VuaCfGcBCdbkQm-e5aOx:ui2lp2axTNmsyakw9tvNnw";
    private static final Auth.ApiKey API_KEY = new Auth.ApiKey(SecretText.of(API_KEY_TEXT));

    private final Installer installer = new Installer(TestBundles.both());

    @Test
    void kibanaGetsTheKibanaBundleAsOneMultipartFilePartWithItsXsrfHeaderAndBasicAuth() throws Exception {
        try (FakeDashboards kibana = FakeDashboards.kibana("8.15.0")) {
            DashboardsReport report = installer.importDashboards(DashboardsTarget.to(kibana.url()).withAuth(BASIC));

            Request request = kibana.onlyRequestTo(IMPORT);
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/api/saved_objects/_import");
            assertThat(request.query()).isEqualTo("overwrite=true");
            assertThat(request.header("kbn-xsrf")).isEqualTo("true");
            assertThat(request.header("osd-xsrf")).isNull();
            assertThat(request.header("authorization")).isEqualTo("Basic " + Base64.getEncoder()
                    .encodeToString("ci-installer:pa55-w0rd".getBytes(StandardCharsets.UTF_8)));
            assertOneFilePart(request, TestBundles.KIBANA);
            assertThat(report.server()).isEqualTo(new DetectedServer(Flavor.KIBANA, "8.15.0"));
            assertThat(report.bundleFile()).isEqualTo("build-analytics-kibana.ndjson");
            assertThat(report.objectsInBundle()).isEqualTo(3);
            assertThat(report.objectsImported()).isEqualTo(3);
            assertThat(report.describe()).isEqualTo("Dashboards: 3 of 3 saved objects from"
                    + " build-analytics-kibana.ndjson imported into Kibana 8.15.0 at " + kibana.url());
        }
    }

    @Test
    void theStatusRequestCarriesTheCredentialsToo() throws Exception {
        try (FakeDashboards kibana = FakeDashboards.kibana("9.0.0")) {
            installer.importDashboards(DashboardsTarget.to(kibana.url()).withAuth(BASIC));

            assertThat(kibana.onlyRequestTo("/api/status").header("authorization")).startsWith("Basic ");
            assertThat(kibana.requests()).extracting(Request::path)
                    .containsExactly("/api/status", "/api/saved_objects/_import");
        }
    }

    @Test
    void anApiKeyTravelsAsTheApiKeyAuthorizationScheme() throws Exception {
        try (FakeDashboards kibana = FakeDashboards.kibana("9.0.0")) {
            installer.importDashboards(DashboardsTarget.to(kibana.url()).withAuth(API_KEY));

            assertThat(kibana.onlyRequestTo(IMPORT).header("authorization")).isEqualTo("ApiKey "
                    + Base64.getEncoder().encodeToString(API_KEY_TEXT.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void withoutCredentialsNoAuthorizationHeaderIsSent() throws Exception {
        try (FakeDashboards osd = FakeDashboards.openSearchDashboards("2.19.1")) {
            installer.importDashboards(DashboardsTarget.to(osd.url()));

            assertThat(osd.requests()).allSatisfy(request -> assertThat(request.header("authorization")).isNull());
        }
    }

    @Test
    void aKibanaSpaceIsCheckedAndTheImportGoesToItsPath() throws Exception {
        try (FakeDashboards kibana = FakeDashboards.kibana("8.15.0").withSpace("ci-team")) {
            DashboardsReport report = installer.importDashboards(DashboardsTarget.to(kibana.url()).withAuth(BASIC)
                    .inSpace("ci-team"));

            assertThat(kibana.requests()).extracting(Request::method, Request::path).containsExactly(
                    tuple("GET", "/api/status"),
                    tuple("GET", "/api/spaces/space/ci-team"),
                    tuple("POST", "/s/ci-team/api/saved_objects/_import"));
            Request request = kibana.onlyRequestTo("/s/ci-team" + IMPORT);
            assertThat(request.query()).isEqualTo("overwrite=true");
            assertThat(request.header("kbn-xsrf")).isEqualTo("true");
            assertOneFilePart(request, TestBundles.KIBANA);
            assertThat(report.space()).isEqualTo("ci-team");
            assertThat(report.describe()).endsWith(" (space 'ci-team')");
        }
    }

    @Test
    void theDefaultSpaceIsAddressedWithoutASpacePrefixAsKibanaDoesItself() throws Exception {
        try (FakeDashboards kibana = FakeDashboards.kibana("8.15.0")) {
            installer.importDashboards(DashboardsTarget.to(kibana.url()).inSpace("default"));

            assertThat(kibana.onlyRequestTo("/api/spaces/space/default").method()).isEqualTo("GET");
            assertThat(kibana.onlyRequestTo(IMPORT).query()).isEqualTo("overwrite=true");
        }
    }

    @Test
    void aSpaceThatDoesNotExistIsNamedWithWhatToDo() throws Exception {
        try (FakeDashboards kibana = FakeDashboards.kibana("8.15.0")) {
            DashboardsTarget target = DashboardsTarget.to(kibana.url()).inSpace("nope");

            assertThatThrownBy(() -> installer.importDashboards(target))
                    .isInstanceOfSatisfying(InstallException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.SPACE);
                        assertThat(e.getMessage()).isEqualTo("Space 'nope' does not exist in Kibana at "
                                + kibana.url() + "; create it or leave the space out.");
                    });
            assertThat(kibana.requests()).extracting(Request::method).doesNotContain("POST");
        }
    }

    @Test
    void aSpaceForOpenSearchDashboardsIsRefusedBeforeAnythingIsImported() throws Exception {
        try (FakeDashboards osd = FakeDashboards.openSearchDashboards("2.19.1")) {
            DashboardsTarget target = DashboardsTarget.to(osd.url()).inSpace("ci");

            assertThatThrownBy(() -> installer.importDashboards(target))
                    .isInstanceOfSatisfying(InstallException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.SPACE);
                        assertThat(e.getMessage()).contains("OpenSearch Dashboards 2.19.1 at " + osd.url())
                                .contains("has no spaces").contains("leave the space out");
                    });
            assertThat(osd.requests()).extracting(Request::path).containsExactly("/api/status");
        }
    }

    @Test
    void openSearchDashboardsUnderAPathPrefixGetsItsOwnBundleAndXsrfHeader() throws Exception {
        try (FakeDashboards osd = FakeDashboards.openSearchDashboardsUnder("/_dashboards", "2.19.1")) {
            DashboardsReport report = installer.importDashboards(DashboardsTarget.to(osd.url()).withAuth(BASIC));

            Request request = osd.onlyRequestTo(IMPORT);
            assertThat(request.path()).isEqualTo("/_dashboards/api/saved_objects/_import");
            assertThat(request.query()).isEqualTo("overwrite=true");
            assertThat(request.header("osd-xsrf")).isEqualTo("true");
            assertThat(request.header("kbn-xsrf")).isNull();
            assertOneFilePart(request, TestBundles.OPENSEARCH_DASHBOARDS);
            assertThat(report.bundleFile()).isEqualTo("build-analytics-opensearch-dashboards.ndjson");
            assertThat(report.server().toString()).isEqualTo("OpenSearch Dashboards 2.19.1");
        }
    }

    @Test
    void onlyTheBundleForTheDetectedProductIsAskedFor() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Installer counting = new Installer(flavor -> {
            calls.incrementAndGet();
            assertThat(flavor).isEqualTo(Flavor.OPENSEARCH_DASHBOARDS);
            return TestBundles.OPENSEARCH_DASHBOARDS;
        });
        try (FakeDashboards osd = FakeDashboards.openSearchDashboards("3.0.0")) {
            counting.importDashboards(DashboardsTarget.to(osd.url()));
        }
        assertThat(calls).hasValue(1);
    }

    @Test
    void everyObjectTheImportRefusedIsListedWithItsErrorTypeEvenWithHttp200() throws Exception {
        try (FakeDashboards kibana = FakeDashboards.kibana("8.15.0")) {
            kibana.answer("POST", IMPORT, Answer.json(200, "{\"success\":false,\"successCount\":1,\"errors\":["
                    + "{\"id\":\"build-durations\",\"type\":\"visualization\",\"meta\":{\"title\":\"Build durations\"},"
                    + "\"error\":{\"type\":\"missing_references\",\"references\":[{\"type\":\"index-pattern\","
                    + "\"id\":\"cicd-events\"}]}},"
                    + "{\"id\":\"ci-overview\",\"type\":\"dashboard\",\"title\":\"CI overview\","
                    + "\"error\":{\"type\":\"conflict\"}},"
                    + "{\"id\":\"x\",\"type\":\"canvas-workpad\",\"error\":{\"type\":\"unsupported_type\"}},"
                    + "{\"id\":\"y\",\"type\":\"lens\",\"error\":{\"type\":\"unknown\",\"message\":\"boom\","
                    + "\"statusCode\":500}}]}"));

            assertThatThrownBy(() -> installer.importDashboards(DashboardsTarget.to(kibana.url())))
                    .isInstanceOfSatisfying(InstallException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.IMPORT_ERRORS);
                        assertThat(e.getMessage()).isEqualTo("Kibana 8.15.0 at " + kibana.url() + " imported 1 of 3"
                                + " saved objects; not imported: visualization 'Build durations' (id build-durations):"
                                + " missing_references (missing index-pattern cicd-events); dashboard 'CI overview'"
                                + " (id ci-overview): conflict; canvas-workpad (id x): unsupported_type; lens (id y):"
                                + " unknown (boom).");
                        assertThat(e.importFailures()).extracting(ImportFailure::errorType).containsExactly(
                                "missing_references", "conflict", "unsupported_type", "unknown");
                    });
        }
    }

    @Test
    void errorsWithSuccessTrueAreStillAFailure() throws Exception {
        try (FakeDashboards osd = FakeDashboards.openSearchDashboards("2.19.1")) {
            osd.answer("POST", IMPORT, Answer.json(200, "{\"success\":true,\"successCount\":2,\"errors\":[{\"id\":"
                    + "\"a\",\"type\":\"dashboard\",\"error\":{\"type\":\"conflict\"}}]}"));

            assertThatThrownBy(() -> installer.importDashboards(DashboardsTarget.to(osd.url())))
                    .hasMessageContaining("imported 2 of 3 saved objects; not imported: dashboard (id a): conflict");
        }
    }

    @Test
    void kibanaWarningsOfASuccessfulImportReachTheReport() throws Exception {
        try (FakeDashboards kibana = FakeDashboards.kibana("8.15.0")) {
            kibana.answer("POST", IMPORT, Answer.json(200, "{\"success\":true,\"successCount\":3,\"errors\":[],"
                    + "\"warnings\":[{\"type\":\"simple\",\"message\":\"Refresh the data view\"}]}"));

            DashboardsReport report = installer.importDashboards(DashboardsTarget.to(kibana.url()));

            assertThat(report.warnings()).containsExactly("Refresh the data view");
        }
    }

    @Test
    void refusedCredentialsAreNamedWithoutTheSecret() throws Exception {
        try (FakeDashboards kibana = FakeDashboards.kibana("8.15.0").requiring("Basic something-else")) {
            assertThatThrownBy(() -> installer.importDashboards(DashboardsTarget.to(kibana.url()).withAuth(BASIC)))
                    .isInstanceOfSatisfying(InstallException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.AUTHENTICATION);
                        assertThat(e.getMessage()).isEqualTo("The server at " + kibana.url() + " did not accept"
                                + " the credentials (basic auth as user 'ci-installer') when reading its status"
                                + " (/api/status) (HTTP 401: [security_exception]: unable to authenticate user)."
                                + " Check the user name and password, API key or token.");
                    });
        }
    }

    @Test
    void missingCredentialsAreSaidToBeMissing() throws Exception {
        try (FakeDashboards osd = FakeDashboards.openSearchDashboards("2.19.1").requiring("Basic x")) {
            assertThatThrownBy(() -> installer.importDashboards(DashboardsTarget.to(osd.url())))
                    .hasMessageContaining("asked for credentials").hasMessageContaining("and none are configured");
        }
    }

    @Test
    void a401OnTheImportItselfNamesTheImport() throws Exception {
        try (FakeDashboards kibana = FakeDashboards.kibana("8.15.0")) {
            kibana.answer("POST", IMPORT, FakeDashboards.error(401, "Unauthorized", "Unauthorized"));

            assertThatThrownBy(() -> installer.importDashboards(DashboardsTarget.to(kibana.url()).withAuth(API_KEY)))
                    .isInstanceOfSatisfying(InstallException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.AUTHENTICATION);
                        assertThat(e.getMessage()).startsWith("Kibana 8.15.0 at " + kibana.url() + " did not accept"
                                + " the credentials (API key with id 'VuaCfGcBCdbkQm-e5aOx') when importing the"
                                + " dashboards (HTTP 401: Unauthorized).");
                    });
        }
    }

    @Test
    void a403SaysWhichPrivilegeIsMissingInWhichSpace() throws Exception {
        try (FakeDashboards kibana = FakeDashboards.kibana("8.15.0").withSpace("ci")) {
            kibana.answer("POST", "/s/ci" + IMPORT, FakeDashboards.error(403, "Forbidden",
                    "Unable to bulk_create index-pattern,visualization,dashboard"));

            assertThatThrownBy(() -> installer.importDashboards(DashboardsTarget.to(kibana.url()).withAuth(BASIC)
                    .inSpace("ci")))
                    .isInstanceOfSatisfying(InstallException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.AUTHORIZATION);
                        assertThat(e.getMessage()).isEqualTo("Kibana 8.15.0 at " + kibana.url() + " accepted the"
                                + " credentials (basic auth as user 'ci-installer') but refused importing the"
                                + " dashboards into space 'ci' (HTTP 403: Unable to bulk_create"
                                + " index-pattern,visualization,dashboard). Give that user a role with the 'All'"
                                + " privilege for Saved Objects Management (or for Dashboard, Visualize Library and"
                                + " Data View Management) in space 'ci'.");
                    });
        }
    }

    @Test
    void a403FromOpenSearchDashboardsPointsAtTheTenant() throws Exception {
        try (FakeDashboards osd = FakeDashboards.openSearchDashboards("2.19.1")) {
            osd.answer("POST", IMPORT, FakeDashboards.error(403, "Forbidden", "no permissions"));

            assertThatThrownBy(() -> installer.importDashboards(DashboardsTarget.to(osd.url()).withAuth(BASIC)))
                    .hasMessageContaining("refused importing the dashboards (HTTP 403: no permissions)")
                    .hasMessageContaining("write access to saved objects in the tenant");
        }
    }

    @Test
    void a404OnTheImportPathPointsAtTheBaseUrlAndPrefix() throws Exception {
        try (FakeDashboards kibana = FakeDashboards.kibana("8.15.0")) {
            kibana.answer("POST", IMPORT, FakeDashboards.error(404, "Not Found", "Not Found"));

            assertThatThrownBy(() -> installer.importDashboards(DashboardsTarget.to(kibana.url())))
                    .isInstanceOfSatisfying(InstallException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.NOT_FOUND);
                        assertThat(e.getMessage()).isEqualTo("Kibana 8.15.0 at " + kibana.url() + " answered"
                                + " 'not found' when importing the dashboards (HTTP 404: Not Found): the saved-objects"
                                + " import API is not at /api/saved_objects/_import below that URL; check the base"
                                + " URL and its path prefix (Amazon OpenSearch Service serves OpenSearch Dashboards"
                                + " under /_dashboards).");
                    });
        }
    }

    @Test
    void a413NamesTheBundleSizeAndTheSettingToRaise() throws Exception {
        try (FakeDashboards kibana = FakeDashboards.kibana("8.15.0")) {
            kibana.answer("POST", IMPORT, FakeDashboards.error(413, "Request Entity Too Large",
                    "Payload content length greater than maximum allowed: 1024"));

            assertThatThrownBy(() -> installer.importDashboards(DashboardsTarget.to(kibana.url())))
                    .isInstanceOfSatisfying(InstallException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.TOO_LARGE);
                        assertThat(e.getMessage()).contains("(HTTP 413: Payload content length greater than"
                                + " maximum allowed: 1024)")
                                .contains("the bundle (" + TestBundles.KIBANA.bytes().length + " bytes) is larger"
                                        + " than savedObjects.maxImportPayloadBytes allows");
                    });
        }
    }

    @Test
    void anyOtherRefusalCarriesTheServersMessage() throws Exception {
        try (FakeDashboards kibana = FakeDashboards.kibana("8.15.0")) {
            kibana.answer("POST", IMPORT, FakeDashboards.error(400, "Bad Request", "Invalid file extension .json"));

            assertThatThrownBy(() -> installer.importDashboards(DashboardsTarget.to(kibana.url())))
                    .isInstanceOfSatisfying(InstallException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.REJECTED);
                        assertThat(e.getMessage()).isEqualTo("Kibana 8.15.0 at " + kibana.url() + " refused"
                                + " importing the dashboards (HTTP 400: Invalid file extension .json).");
                    });
        }
    }

    @Test
    void aServerErrorCarriesTheServersMessage() throws Exception {
        try (FakeDashboards osd = FakeDashboards.openSearchDashboards("2.19.1")) {
            osd.answer("POST", IMPORT, FakeDashboards.error(500, "Internal Server Error",
                    "An internal server error occurred."));

            assertThatThrownBy(() -> installer.importDashboards(DashboardsTarget.to(osd.url())))
                    .hasMessage("OpenSearch Dashboards 2.19.1 at " + osd.url() + " failed when importing the"
                            + " dashboards (HTTP 500: An internal server error occurred.). Check its log.");
        }
    }

    @Test
    void aNonJsonAnswerToTheImportIsSaidToBeNotJson() throws Exception {
        try (FakeDashboards kibana = FakeDashboards.kibana("8.15.0")) {
            kibana.answer("POST", IMPORT, Answer.text(200, "text/html", "<html>Welcome to nginx</html>"));

            assertThatThrownBy(() -> installer.importDashboards(DashboardsTarget.to(kibana.url())))
                    .isInstanceOfSatisfying(InstallException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.UNREADABLE);
                        assertThat(e.getMessage()).contains("is not JSON ('<html>Welcome to nginx</html>')");
                    });
        }
    }

    @Test
    void aSecretTheServerEchoesIsMaskedInTheMessage() throws Exception {
        try (FakeDashboards kibana = FakeDashboards.kibana("8.15.0")) {
            kibana.answer("POST", IMPORT, request -> FakeDashboards.error(400, "Bad Request",
                    "bad header " + request.header("authorization") + " with pa55-w0rd"));

            assertThatThrownBy(() -> installer.importDashboards(DashboardsTarget.to(kibana.url()).withAuth(BASIC)))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pa55-w0rd")
                            .doesNotContain(Base64.getEncoder().encodeToString(
                                    "ci-installer:pa55-w0rd".getBytes(StandardCharsets.UTF_8)))
                            .contains("******"));
        }
    }

    @Test
    void theXsrfGuardOfTheFakeIsTheRealOne() throws Exception {
        // Sanity check of the stand-in: a write without the product's xsrf header is refused, as the products do.
        try (FakeDashboards kibana = FakeDashboards.kibana("8.15.0")) {
            DashboardsHttp http = new DashboardsHttp(DashboardsTarget.to(kibana.url()));
            DashboardsAnswer answer = http.post(IMPORT + "?overwrite=true", Map.of("osd-xsrf", "true"),
                    new byte[0], "posting");
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.serverMessage()).isEqualTo("Request must contain a kbn-xsrf header.");
        }
    }

    private static void assertOneFilePart(Request request, Bundle bundle) throws Exception {
        String contentType = request.header("content-type");
        assertThat(contentType).matches("multipart/form-data; boundary=[0-9A-Za-z-]+");
        List<MultipartUpload.Part> parts = MultipartUpload.parse(contentType, request.body());
        assertThat(parts).singleElement().satisfies(part -> {
            assertThat(part.disposition()).isEqualTo("form-data");
            assertThat(part.name()).isEqualTo("file");
            assertThat(part.fileName()).isEqualTo(bundle.fileName());
            assertThat(part.headers()).containsEntry("content-type", "application/ndjson");
            assertThat(part.content()).isEqualTo(bundle.bytes());
        });
    }
}
