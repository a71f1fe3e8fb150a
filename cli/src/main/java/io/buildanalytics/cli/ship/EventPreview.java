package io.buildanalytics.cli.ship;

import io.buildanalytics.cli.CliFailure;
import io.buildanalytics.cli.ExitCode;
import io.buildanalytics.model.derive.DeploymentRules;
import io.buildanalytics.model.derive.History;
import io.buildanalytics.model.event.BuildEvent;
import io.buildanalytics.model.event.BuildEventFactory;
import io.buildanalytics.model.event.Sender;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.schema.IndexNaming;
import java.time.Clock;

/**
 * The event the shipper will index for these facts, built the way its delivery thread builds it (same factory,
 * same explicit-only deployment rules, no history, since {@code ship} has none to offer). Built before anything is
 * spooled, so that facts which cannot become an event are refused here rather than dead-lettered later, and so
 * that {@code --dry-run} shows exactly what would be sent.
 */
final class EventPreview {

    private EventPreview() {
    }

    static BuildEvent of(BuildFacts facts, IndexNaming naming, Sender sender) {
        try {
            return new BuildEventFactory(sender, DeploymentRules.explicitOnly(), naming, Clock.systemUTC())
                    .create(facts, History.none());
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCode.INVALID_EVENT, "The build cannot become an event: " + e.getMessage(), e);
        }
    }
}
