package io.buildanalytics.kibana.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.buildanalytics.kibana.bundle.Flavor;
import io.buildanalytics.kibana.install.InstallException.Problem;
import io.buildanalytics.model.schema.IndexNaming;
import io.buildanalytics.shipper.connection.Auth;
import io.buildanalytics.shipper.connection.EngineConnection;
import io.buildanalytics.shipper.connection.EngineProduct;
import io.buildanalytics.shipper.connection.SecretText;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The facade's flow; the template step on real engines is in TemplateInstallIT. */
class InstallerTest {

    private final Installer installer = new Installer(TestBundles.both());

    @Test
    void dashboardsOnlyImportsAndReportsWithoutATemplateStep() throws Exception {
        try (FakeDashboards kibana = FakeDashboards.kibana("9.1.0")) {
            InstallReport report = installer.install(InstallPlan.dashboardsOnly(DashboardsTarget.to(kibana.url())));

            assertThat(report.template()).isEmpty();
            assertThat(report.dashboards()).hasValueSatisfying(step ->
                    assertThat(step.server()).isEqualTo(new DetectedServer(Flavor.KIBANA, "9.1.0")));
            assertThat(report.lines()).containsExactly("Dashboards: 3 of 3 saved objects from"
                    + " build-analytics-kibana.ndjson imported into Kibana 9.1.0 at " + kibana.url());
            assertThat(report.toString()).isEqualTo(report.lines().get(0));
        }
    }

    @Test
    void aTemplateStepThatFailsStopsBeforeTheDashboardsWithTheEnginesMessage() throws Exception {
        EngineConnection engine = unreachableEngine();
        try (FakeDashboards kibana = FakeDashboards.kibana("8.15.0")) {
            InstallPlan plan = InstallPlan.both(engine, IndexNaming.withPrefix("ci-builds"),
                    DashboardsTarget.to(kibana.url()));

            assertThatThrownBy(() -> installer.install(plan))
                    .isInstanceOfSatisfying(InstallException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.TEMPLATE);
                        assertThat(e.getMessage()).startsWith("The index template 'ci-builds' could not be"
                                + " installed: Could not reach " + engine.describeTarget());
                        assertThat(e.getMessage()).doesNotContain("engine-s3cret");
                    });
            assertThat(kibana.requests()).isEmpty();
        }
    }

    @Test
    void templateOnlyReachesOnlyTheEngine() throws Exception {
        assertThatThrownBy(() -> installer.install(InstallPlan.templateOnly(unreachableEngine(), null)))
                .isInstanceOfSatisfying(InstallException.class, e ->
                        assertThat(e.getMessage()).startsWith("The index template 'cicd-events' could not be"
                                + " installed"));
    }

    @Test
    void aPlanWithNothingToDoIsRefused() {
        assertThatThrownBy(() -> new InstallPlan(null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Nothing to install");
    }

    @Test
    void thePlanNamesItsStepsButNoSecret() throws Exception {
        DashboardsTarget dashboards = DashboardsTarget.to(URI.create("https://kb:5601"))
                .withAuth(new Auth.Bearer(SecretText.of("dashboards-t0ken")));
        InstallPlan plan = InstallPlan.both(unreachableEngine(), null, dashboards);

        assertThat(plan.toString()).contains("template 'cicd-events' into Elasticsearch at http://127.0.0.1:")
                .contains("user 'installer'").contains("https://kb:5601").contains("bearer token")
                .doesNotContain("engine-s3cret").doesNotContain("dashboards-t0ken");
    }

    @Test
    void aBundleSupplierGivingTheWrongFlavourIsAProgrammingError() throws Exception {
        Installer confused = new Installer(flavor -> TestBundles.KIBANA);
        try (FakeDashboards osd = FakeDashboards.openSearchDashboards("2.19.1")) {
            assertThatThrownBy(() -> confused.importDashboards(DashboardsTarget.to(osd.url())))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("The bundle supplier gave the Kibana bundle for OpenSearch Dashboards");
            assertThat(osd.requests()).extracting(FakeDashboards.Request::method).doesNotContain("POST");
        }
    }

    private static EngineConnection unreachableEngine() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        return EngineConnection.to(EngineProduct.ELASTICSEARCH, URI.create("http://127.0.0.1:" + port))
                .withAuth(new Auth.Basic("installer", SecretText.of("engine-s3cret")))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }
}
