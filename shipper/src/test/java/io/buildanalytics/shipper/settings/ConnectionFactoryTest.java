package io.buildanalytics.shipper.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.buildanalytics.shipper.connection.Auth;
import io.buildanalytics.shipper.connection.EngineConnection;
import io.buildanalytics.shipper.connection.EngineProduct;
import io.buildanalytics.shipper.connection.ProxySettings;
import io.buildanalytics.shipper.connection.SecretText;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An admin page's connection fields and a credential, turned into the shipper's connection. */
class ConnectionFactoryTest {

    private static final ProxySettings PROXY = ProxySettings.of("proxy.example.com", 3128);

    private static ConnectionFields values(String backend, String tokenType, String region, boolean useProxy,
                                           boolean skipTls) {
        return new ConnectionFields(backend, "https://search.example.com:9200", tokenType, region, "", skipTls,
                useProxy);
    }

    @Test
    void usernamePasswordIsBasicAuthAndSecretTextAnApiKeyOrBearerToken() {
        Credential basic = new Credential.UsernamePassword("ci", SecretText.of("pw"));
        Credential token = new Credential.Token(SecretText.of("abc:def"));

        EngineConnection withBasic = ConnectionFactory.connection(values("elasticsearch", "apiKey", "", true, false),
                basic, PROXY);
        EngineConnection withKey = ConnectionFactory.connection(values("elasticsearch", "apiKey", "", true, false),
                token, null);
        EngineConnection withBearer = ConnectionFactory.connection(values("opensearch", "bearer", "", true, false),
                token, null);

        assertThat(withBasic.product()).isEqualTo(EngineProduct.ELASTICSEARCH);
        assertThat(withBasic.auth()).isEqualTo(new Auth.Basic("ci", SecretText.of("pw")));
        assertThat(withBasic.proxy()).isEqualTo(PROXY);
        assertThat(withBasic.tls().verify()).isTrue();
        assertThat(withKey.auth()).isInstanceOf(Auth.ApiKey.class);
        assertThat(withBearer.product()).isEqualTo(EngineProduct.OPENSEARCH);
        assertThat(withBearer.auth()).isInstanceOf(Auth.Bearer.class);
        assertThat(ConnectionFactory.connection(values("elasticsearch", "apiKey", "", true, false),
                new Credential.None(), null).auth()).isEqualTo(Auth.none());
    }

    @Test
    void amazonBackendsSignWithKeysFromTheCredentialOrTheDefaultChain() {
        EngineConnection keys = ConnectionFactory.connection(values("amazon-opensearch", "apiKey", "eu-west-1", true,
                false), new Credential.UsernamePassword("AKIAEXAMPLE", SecretText.of("secret")), null);
        EngineConnection chain = ConnectionFactory.connection(values("amazon-opensearch-serverless", "apiKey",
                "us-east-2", true, false), new Credential.None(), null);

        assertThat(keys.auth()).isEqualTo(new Auth.AwsSigV4("eu-west-1", "es", "AKIAEXAMPLE", SecretText.of("secret"),
                null));
        assertThat(((Auth.AwsSigV4) chain.auth()).usesDefaultCredentials()).isTrue();
        assertThat(((Auth.AwsSigV4) chain.auth()).service()).isEqualTo("aoss");
        assertThatThrownBy(() -> ConnectionFactory.connection(values("amazon-opensearch", "apiKey", "", true, false),
                new Credential.None(), null)).hasMessageContaining("AWS region");
        assertThatThrownBy(() -> ConnectionFactory.connection(values("amazon-opensearch", "apiKey", "eu-west-1", true,
                false), new Credential.Token(SecretText.of("t")), null)).hasMessageContaining("access key id");
    }

    @Test
    void aMissingCredentialProxyChoiceAndTlsSwitchAreHonoured() {
        assertThatThrownBy(() -> ConnectionFactory.connection(values("elasticsearch", "apiKey", "", true, false),
                new Credential.Missing("gone"), null)).hasMessageContaining("Credential 'gone' was not found");
        EngineConnection direct = ConnectionFactory.connection(values("elasticsearch", "apiKey", "", false, true),
                new Credential.None(), PROXY);

        assertThat(direct.proxy()).isNull();
        assertThat(direct.tls().verify()).isFalse();
        assertThatThrownBy(() -> Backend.fromId("solr")).hasMessageContaining("Unknown backend 'solr'");
        assertThat(List.of(Backend.values())).extracting(Backend::id).doesNotHaveDuplicates();
    }
}
