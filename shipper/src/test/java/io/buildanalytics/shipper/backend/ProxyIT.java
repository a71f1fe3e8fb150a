package io.buildanalytics.shipper.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildanalytics.localengine.EngineKind;
import io.buildanalytics.localengine.LocalEngine;
import io.buildanalytics.localengine.LocalEngineExtension;
import io.buildanalytics.shipper.connection.EngineConnection;
import io.buildanalytics.shipper.connection.EngineProduct;
import io.buildanalytics.shipper.connection.ProxySettings;
import io.buildanalytics.shipper.connection.SecretText;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Through an authenticating proxy to the real engines, addressed by a name only the proxy can "resolve". */
class ProxyIT {

    @RegisterExtension
    static final LocalEngineExtension ENGINES = new LocalEngineExtension();

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void eventsReachTheEngineThroughTheProxy(EngineKind kind, LocalEngine engine) throws Exception {
        EngineProduct product = kind == EngineKind.ELASTICSEARCH ? EngineProduct.ELASTICSEARCH
                : EngineProduct.OPENSEARCH;
        String index = "proxy-it-" + kind.id();
        URI unresolvable = URI.create("http://engine.invalid:" + engine.port());
        try (RecordingProxy proxy = new RecordingProxy(RecordingProxy.everythingTo(engine.baseUri()), "ci", "pw");
             Backend backend = Backends.open(EngineConnection.to(product, unresolvable).withProxy(
                     new ProxySettings("127.0.0.1", proxy.port(), "ci", SecretText.of("pw"), List.of())))) {
            assertThat(backend.info().version()).isEqualTo(kind.defaultVersion());
            assertThat(backend.bulk(List.of(new BulkItem(index, "1", "{\"via\":\"proxy\"}"))))
                    .extracting(BulkItemResult::succeeded).containsExactly(true);
            assertThat(proxy.requestLines()).contains("POST " + unresolvable + "/_bulk HTTP/1.1");
            assertThat(proxy.challenges()).isGreaterThanOrEqualTo(1);
        }
        engine.http().refresh(index).requireSuccess();
        assertThat(engine.http().get("/" + index + "/_doc/1").requireSuccess().json().path("_source").path("via")
                .asText()).isEqualTo("proxy");
    }
}
