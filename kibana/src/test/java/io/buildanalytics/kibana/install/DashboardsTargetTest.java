package io.buildanalytics.kibana.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.buildanalytics.shipper.connection.Auth;
import io.buildanalytics.shipper.connection.SecretText;
import io.buildanalytics.shipper.connection.TlsSettings;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DashboardsTargetTest {

    @Test
    void keepsAPathPrefixAndDropsTrailingSlashes() {
        DashboardsTarget target = DashboardsTarget.to(
                URI.create("https://search-domain.eu-west-1.es.amazonaws.com/_dashboards/"));

        assertThat(target.describe()).isEqualTo("https://search-domain.eu-west-1.es.amazonaws.com/_dashboards");
        assertThat(target.resolve("/api/status"))
                .isEqualTo(URI.create("https://search-domain.eu-west-1.es.amazonaws.com/_dashboards/api/status"));
    }

    @Test
    void defaultsAreNoCredentialsVerifiedTlsNoSpaceAndBoundedTimeouts() {
        DashboardsTarget target = DashboardsTarget.to(URI.create("http://localhost:5601"));

        assertThat(target.auth()).isEqualTo(Auth.none());
        assertThat(target.tls().verify()).isTrue();
        assertThat(target.hasSpace()).isFalse();
        assertThat(target.connectTimeout()).isEqualTo(DashboardsTarget.DEFAULT_CONNECT_TIMEOUT);
        assertThat(target.requestTimeout()).isEqualTo(DashboardsTarget.DEFAULT_REQUEST_TIMEOUT);
    }

    @Test
    void awsSigV4IsRefusedBecauseTheImportApiTakesNoSignedRequests() {
        DashboardsTarget target = DashboardsTarget.to(URI.create("https://domain/_dashboards"));

        assertThatThrownBy(() -> target.withAuth(Auth.AwsSigV4.defaultCredentials("eu-west-1", "es")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AWS SigV4 signing is not supported for importing dashboards");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ci", "team-a", "team_b", "default", "a1"})
    void acceptsKibanaSpaceIds(String id) {
        assertThat(DashboardsTarget.to(URI.create("http://localhost:5601")).inSpace(id).space()).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Team", "team a", "team/a", "ä", "team.a", "../x"})
    void refusesWhatCannotBeAKibanaSpaceId(String id) {
        DashboardsTarget target = DashboardsTarget.to(URI.create("http://localhost:5601"));

        assertThatThrownBy(() -> target.inSpace(id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("space id '" + id + "' is not valid")
                .hasMessageContaining("lower-case letters, digits, '_' and '-'");
    }

    @Test
    void aBlankSpaceMeansTheDefaultSpace() {
        assertThat(DashboardsTarget.to(URI.create("http://localhost:5601")).inSpace(" ").hasSpace()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://host", "localhost:5601", "http://user:pw@host", "http://host/?a=b",
        "http://host/#x"})
    void refusesUrlsThatCannotBeADashboardsBaseUrl(String url) {
        assertThatThrownBy(() -> DashboardsTarget.to(URI.create(url))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesTimeoutsThatAreNotPositive() {
        DashboardsTarget target = DashboardsTarget.to(URI.create("http://localhost:5601"));

        assertThatThrownBy(() -> target.withTimeouts(Duration.ZERO, null))
                .hasMessageContaining("Connect timeout must be positive");
    }

    @Test
    void toStringNamesTheCredentialButNeverTheSecret() {
        DashboardsTarget basic = DashboardsTarget.to(URI.create("https://kibana:5601"))
                .withAuth(new Auth.Basic("ci", SecretText.of("s3cret-pass"))).inSpace("ci");
        DashboardsTarget key = DashboardsTarget.to(URI.create("https://kibana:5601"))
                .withAuth(new Auth.ApiKey(SecretText.of("key-id:key-secret")))
                .withTls(TlsSettings.insecureNoVerification());

        assertThat(basic.toString()).contains("user 'ci'").contains("space 'ci'").doesNotContain("s3cret-pass");
        assertThat(key.toString()).contains("key-id").contains("TLS NOT VERIFIED").doesNotContain("key-secret")
                .doesNotContain(((Auth.ApiKey) key.auth()).encoded());
    }
}
