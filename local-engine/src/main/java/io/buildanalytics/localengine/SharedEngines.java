package io.buildanalytics.localengine;

import java.util.EnumMap;
import java.util.Map;

/**
 * At most one node per kind for the whole JVM, started on first use. Static because test classes come and
 * go while the node should outlive them all: starting a node costs 10 to 20 seconds.
 *
 * <p>Always started with the default options, so always without security: a test that needs credentials
 * starts its own secured node and can never be handed, or hand others, a shared one.
 */
final class SharedEngines {

    private static final Map<EngineKind, Slot> SLOTS = new EnumMap<>(EngineKind.class);

    static {
        for (EngineKind kind : EngineKind.values()) {
            SLOTS.put(kind, new Slot(kind));
        }
    }

    private SharedEngines() {
    }

    static LocalEngine get(EngineKind kind) {
        return SLOTS.get(kind).get();
    }

    /** Stops every shared node; a later {@link #get} starts a fresh one. */
    static void closeAll() {
        SLOTS.values().forEach(Slot::close);
    }

    /** One kind's node. A per-kind monitor lets two kinds start in parallel without starting one kind twice. */
    private static final class Slot {

        private final EngineKind kind;
        private LocalEngine engine;
        private LocalEngineException failure;

        Slot(EngineKind kind) {
            this.kind = kind;
        }

        synchronized LocalEngine get() {
            // A node that failed to start fails every later caller at once instead of costing each a timeout.
            if (failure != null) {
                throw new LocalEngineException("The shared " + kind.id() + " node failed to start earlier in this JVM: "
                        + failure.getMessage(), failure);
            }
            if (engine == null) {
                try {
                    engine = LocalEngine.start(kind);
                } catch (LocalEngineException e) {
                    failure = e;
                    throw e;
                }
            }
            return engine;
        }

        synchronized void close() {
            if (engine != null) {
                engine.close();
                engine = null;
            }
            failure = null;
        }
    }
}
