package io.buildanalytics.shipper.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.buildanalytics.shipper.connection.Auth;
import io.buildanalytics.shipper.connection.SecretText;
import io.buildanalytics.shipper.connection.TlsSettings;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

class HttpSecurityTest {

    @Test
    void givesTheSameAuthorizationHeaderTheBackendsSend() {
        Auth basic = new Auth.Basic("ci", SecretText.of("pw"));
        Auth key = new Auth.ApiKey(SecretText.of("id:secret"));

        assertThat(HttpSecurity.authorization(basic)).hasValue("Basic "
                + Base64.getEncoder().encodeToString("ci:pw".getBytes(StandardCharsets.UTF_8)));
        assertThat(HttpSecurity.authorization(key)).isEqualTo(AuthHeaders.authorization(key));
        assertThat(HttpSecurity.authorization(Auth.none())).isEmpty();
    }

    @Test
    void masksTheSecretAndItsHeaderForm() {
        Auth basic = new Auth.Basic("ci", SecretText.of("pa55"));
        String header = HttpSecurity.authorization(basic).orElseThrow();

        assertThat(HttpSecurity.mask(basic, "got " + header + " and pa55 for ci"))
                .isEqualTo("got Basic ****** and ****** for ci");
    }

    @Test
    void trustsTheJvmStoreByDefaultAndRefusesACaTextWithoutACertificate() throws Exception {
        assertThat(HttpSecurity.sslContext(TlsSettings.systemTrust())).isSameAs(SSLContext.getDefault());
        assertThatThrownBy(() -> HttpSecurity.sslContext(TlsSettings.trusting(
                "-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
