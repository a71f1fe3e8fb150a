package io.buildanalytics.shipper.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildanalytics.shipper.connection.EngineConnection;
import io.buildanalytics.shipper.connection.EngineProduct;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BackendCloseTest {

    private static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).collect(Collectors.toSet());
    }

    private static List<String> backendThreads() {
        return liveThreads().stream().map(Thread::getName).filter(name -> name.startsWith(NamedThreads.PREFIX))
                .sorted().toList();
    }

    @ParameterizedTest
    @EnumSource(EngineProduct.class)
    void closeEndsEveryThreadTheClientStarted(EngineProduct product) throws Exception {
        try (FakeEngine engine = FakeEngine.http(FakeEngine.engine(product))) {
            assertThat(backendThreads()).isEmpty();
            Set<Thread> before = liveThreads();
            Backend backend = Backends.open(EngineConnection.to(product, engine.uri()));
            backend.info();
            backend.bulk(List.of(new BulkItem("events", "1", "{}")));
            assertThat(backendThreads()).isNotEmpty()
                    .allMatch(name -> name.startsWith(NamedThreads.PREFIX + product.name().toLowerCase(
                            java.util.Locale.ROOT)));
            backend.close();
            assertThat(backendThreads()).isEmpty();
            // Nor any thread under another name (the fake engine's own pool threads aside).
            Set<Thread> added = liveThreads();
            added.removeAll(before);
            assertThat(added).extracting(Thread::getName).allMatch(name -> name.startsWith("pool-"));
        }
    }
}
