package io.buildanalytics.shipper.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildanalytics.shipper.TestShippers;
import io.buildanalytics.shipper.connection.Auth;
import io.buildanalytics.shipper.connection.EngineConnection;
import io.buildanalytics.shipper.connection.EngineProduct;
import io.buildanalytics.shipper.connection.TlsSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Where requests go: the path prefix of an engine behind a reverse proxy, and the nodes of a cluster. */
class BackendRoutingTest {

    @ParameterizedTest
    @EnumSource(EngineProduct.class)
    void thePathPrefixComesBeforeEveryPath(EngineProduct product) throws Exception {
        try (FakeEngine engine = FakeEngine.http(request -> {
            String path = request.uri().getPath();
            FakeEngine.Received unprefixed = new FakeEngine.Received(request.method(),
                    URI.create(path.startsWith("/engine") ? path.substring("/engine".length()) : "/not-prefixed"),
                    request.headers(), request.body());
            return FakeEngine.engine(product).apply(unprefixed);
        });
             Backend backend = Backends.open(EngineConnection.to(product, URI.create(engine.uri() + "/engine/")))) {
            backend.info();
            backend.bulk(List.of(new BulkItem("events", "1", "{}")));
            backend.indexTemplate("events");
            assertThat(engine.received()).extracting(request -> request.uri().getPath())
                    .containsExactly("/engine/", "/engine/_bulk", "/engine/_index_template/events");
        }
    }

    @ParameterizedTest
    @EnumSource(EngineProduct.class)
    void aDeadNodeIsSkippedForALiveOne(EngineProduct product) throws Exception {
        int deadPort = TestShippers.unusedLocalPort();
        try (FakeEngine engine = FakeEngine.http(FakeEngine.engine(product));
             Backend backend = Backends.open(new EngineConnection(product,
                     List.of(URI.create("http://127.0.0.1:" + deadPort), URI.create("http://127.0.0.1:" + engine.port())),
                     Auth.none(), TlsSettings.systemTrust(), null, Duration.ofSeconds(2), Duration.ofSeconds(2)))) {
            for (int i = 0; i < 4; i++) {
                assertThat(backend.bulk(List.of(new BulkItem("events", "1", "{}"))))
                        .containsExactly(BulkItemResult.indexed(201));
            }
            assertThat(engine.received()).hasSize(4);
        }
    }
}
