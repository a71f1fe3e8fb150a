package io.buildanalytics.localengine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A second test class with its own extension instance must still get the nodes {@link SharedEngineIT} got. */
class SharedEngineAcrossClassesIT {

    @RegisterExtension
    static final LocalEngineExtension engines = new LocalEngineExtension();

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void getsTheSameNodeAsOtherClasses(EngineKind kind) {
        LocalEngine engine = engines.get(kind);

        NodeSightings.assertSameNodeAsEverywhereElse(engine);
        assertThat(engine.http().get("/_cluster/health").json().path("status").asText()).isIn("green", "yellow");
    }
}
