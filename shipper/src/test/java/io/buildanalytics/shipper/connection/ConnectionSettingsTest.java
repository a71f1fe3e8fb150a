package io.buildanalytics.shipper.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionSettingsTest {

    @Test
    void secretsNeverShowInTextAndCredentialsAreDescribedWithoutThem() {
        SecretText password = SecretText.of("hunter2");
        Auth basic = new Auth.Basic("ci", password);
        Auth key = new Auth.ApiKey(SecretText.of("VuaCfGcBCdbkQm-e5aOx:ui2lp2axTNmsyakw9tvNnw"));
        Auth aws = new Auth.AwsSigV4("eu-west-1", "es", "AKIAIOSFODNN7EXAMPLE",
                SecretText.of("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"), null);

        assertThat(password.toString()).doesNotContain("hunter2");
        assertThat(basic.toString() + basic.describe()).doesNotContain("hunter2").contains("ci");
        assertThat(key.describe()).isEqualTo("API key with id 'VuaCfGcBCdbkQm-e5aOx'")
                .doesNotContain("ui2lp2axTNmsyakw9tvNnw");
        assertThat(aws.describe()).contains("AKIA", "MPLE", "eu-west-1").doesNotContain("wJalr", "IOSFODNN7EXA");
        assertThat(new Auth.Bearer(SecretText.of("t0k3n")).describe()).doesNotContain("t0k3n");
    }

    @Test
    void apiKeysAreAcceptedEncodedOrAsIdColonKey() {
        String idColonKey = "VuaCfGcBCdbkQm-e5aOx:ui2lp2axTNmsyakw9tvNnw";
        String encoded = Base64.getEncoder().encodeToString(idColonKey.getBytes(StandardCharsets.UTF_8));

        assertThat(new Auth.ApiKey(SecretText.of(idColonKey)).encoded()).isEqualTo(encoded);
        assertThat(new Auth.ApiKey(SecretText.of(encoded)).encoded()).isEqualTo(encoded);
        assertThat(new Auth.ApiKey(SecretText.of(encoded)).id()).isEqualTo("VuaCfGcBCdbkQm-e5aOx");
    }

    @Test
    void badUrlsAreRefusedWithASentence() {
        assertThatThrownBy(() -> EngineConnection.to(EngineProduct.ELASTICSEARCH, URI.create("ftp://es:9200")))
                .hasMessageContaining("http:// or https://");
        assertThatThrownBy(() -> EngineConnection.to(EngineProduct.ELASTICSEARCH, URI.create("https://u:p@es:9200")))
                .hasMessageContaining("credentials field");
        assertThatThrownBy(() -> new EngineConnection(EngineProduct.ELASTICSEARCH,
                List.of(URI.create("https://a:9200/es"), URI.create("https://b:9200/")), Auth.none(),
                TlsSettings.systemTrust(), null, null, null)).hasMessageContaining("same path");
        assertThatThrownBy(() -> EngineConnection.to(EngineProduct.ELASTICSEARCH, URI.create("https://es:9200"))
                .withAuth(Auth.AwsSigV4.defaultCredentials("eu-west-1", "es"))).hasMessageContaining("OpenSearch");
        assertThatThrownBy(() -> TlsSettings.trusting("not a certificate")).hasMessageContaining("PEM");
    }

    @Test
    void timeoutsAreAlwaysSetAndThePathPrefixIsNormalised() {
        EngineConnection connection = EngineConnection.to(EngineProduct.OPENSEARCH, URI.create("https://os:443/search/"));

        assertThat(connection.connectTimeout()).isEqualTo(EngineConnection.DEFAULT_CONNECT_TIMEOUT);
        assertThat(connection.readTimeout()).isEqualTo(EngineConnection.DEFAULT_READ_TIMEOUT);
        assertThat(connection.pathPrefix()).isEqualTo("/search");
        assertThat(connection.describeTarget()).isEqualTo("https://os:443");
        assertThat(connection.tls().verify()).isTrue();
    }

    @Test
    void nonProxyHostsBypassTheProxy() {
        ProxySettings proxy = new ProxySettings("proxy", 3128, null, null, List.of("localhost", "*.internal"));

        assertThat(proxy.appliesTo("es.example.com")).isTrue();
        assertThat(proxy.appliesTo("localhost")).isFalse();
        assertThat(proxy.appliesTo("es.internal")).isFalse();
        assertThat(proxy.appliesTo("internal")).isFalse();
        assertThat(proxy.appliesTo("es.internal.example.com")).isTrue();
    }
}
