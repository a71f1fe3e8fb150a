package io.buildanalytics.localengine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EngineCredentialsTest {

    @Test
    void basicAuthorizationIsTheBase64OfUserColonPassword() {
        // The example of RFC 7617, section 2.
        assertThat(new EngineCredentials("Aladdin", "open sesame").basicAuthorization())
                .isEqualTo("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    }

    @Test
    void generatedPasswordsAreLongRandomAndNeverPrinted() {
        EngineCredentials one = EngineCredentials.withGeneratedPassword("admin");
        EngineCredentials two = EngineCredentials.withGeneratedPassword("admin");

        assertThat(one.username()).isEqualTo("admin");
        assertThat(one.password()).hasSize(24).matches("[A-Za-z0-9_-]+").isNotEqualTo(two.password());
        assertThat(one.toString()).contains("admin").doesNotContain(one.password());
    }
}
