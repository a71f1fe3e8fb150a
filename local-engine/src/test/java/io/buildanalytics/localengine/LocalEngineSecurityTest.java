package io.buildanalytics.localengine;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What a start with security refuses before it downloads or starts anything. */
class LocalEngineSecurityTest {

    @Test
    void openSearchWithSecurityIsRefusedWithTheReason() {
        assertThatThrownBy(() -> LocalEngine.start(EngineKind.OPENSEARCH, EngineOptions.defaults().withSecurity()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("opensearch integ-test-zip has no security plugin");
        assertThatThrownBy(() -> LocalEngine.start(EngineKind.OPENSEARCH,
                EngineOptions.defaults().withUser("reader", "reader-password", "viewer")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
