package io.buildanalytics.shipper.delivery;

import io.buildanalytics.model.derive.History;
import io.buildanalytics.model.event.BuildEvent;
import io.buildanalytics.model.event.BuildEventFactory;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.shipper.FactsJson;
import io.buildanalytics.shipper.HistoryLookup;
import io.buildanalytics.shipper.backend.BulkItem;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns spooled facts into the event to index, reading the host's history at that moment. A host whose history
 * cannot be read (a deleted job, a broken build record) still gets its event, without the derived values: an event
 * with fewer fields beats a lost one.
 */
final class EventAssembler {

    private static final Logger LOG = Logger.getLogger(EventAssembler.class.getName());

    private final BuildEventFactory factory;
    private final HistoryLookup historyLookup;

    EventAssembler(BuildEventFactory factory, HistoryLookup historyLookup) {
        this.factory = factory;
        this.historyLookup = historyLookup;
    }

    /** @throws IllegalArgumentException when the payload is not valid facts (the reason says why) */
    BulkItem assemble(byte[] payload) {
        BuildFacts facts = FactsJson.read(payload);
        BuildEvent event;
        try {
            event = factory.create(facts, historyLookup.historyFor(facts));
        } catch (RuntimeException | LinkageError historyProblem) {
            LOG.log(Level.WARNING, "Could not read the history of " + facts.run().id()
                    + "; sending its event without derived values", historyProblem);
            event = factory.create(facts, History.none());
        }
        return new BulkItem(event.index(), event.id(), event.json());
    }
}
