package io.buildanalytics.shipper;

import io.buildanalytics.model.derive.History;
import io.buildanalytics.model.facts.BuildFacts;

/**
 * The host's view of a run's earlier runs, asked for by the delivery just before the run's facts become an event:
 * on its thread or on its read-ahead thread, never from both at once, and never in the build callback.
 */
@FunctionalInterface
public interface HistoryLookup {

    History historyFor(BuildFacts facts);

    /** For senders with no history to offer (the command line's {@code ship}): no derived values. */
    static HistoryLookup none() {
        return facts -> History.none();
    }
}
