package io.buildanalytics.localengine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Remembers the first shared node each test class saw, so later classes can check they got the same one. */
final class NodeSightings {

    private static final Map<EngineKind, Long> FIRST_PID = new ConcurrentHashMap<>();

    private NodeSightings() {
    }

    /** Fails if this kind's node is not the one an earlier test class of this JVM saw. */
    static void assertSameNodeAsEverywhereElse(LocalEngine engine) {
        long first = FIRST_PID.computeIfAbsent(engine.kind(), kind -> engine.pid());
        assertThat(engine.pid()).as("pid of the shared %s node", engine.kind().id()).isEqualTo(first);
    }
}
