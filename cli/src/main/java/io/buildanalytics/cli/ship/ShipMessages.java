package io.buildanalytics.cli.ship;

import io.buildanalytics.cli.CliFailure;
import io.buildanalytics.cli.ExitCode;
import io.buildanalytics.model.event.BuildEvent;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.shipper.ShipperStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What {@code ship} tells the person or the CI log after a delivery attempt: a line or two, or one failure. */
final class ShipMessages {

    /** The shipper's problem sentences end with its own retry plan, which a finished {@code ship} does not have. */
    private static final String SHIPPER_RETRY_NOTE = " Events stay queued;";

    private ShipMessages() {
    }

    /**
     * The lines for a delivered event.
     *
     * @throws CliFailure FAILED when the engine refused the event, QUEUED when it is still in the spool
     */
    static List<String> outcome(SpoolDelivery.Result result, BuildFacts facts, BuildEvent event, String target,
                                Path dataDirectory, Duration wait) {
        ShipperStatus status = result.status();
        if (result.refusal().isPresent()) {
            throw new CliFailure(ExitCode.FAILED, "The engine at " + target + " refused the event of build "
                    + build(facts) + " for good (" + result.refusal().get().describe() + "). It is kept in "
                    + status.deadLetterFile() + "; shipping it again will not help until the cause is fixed.");
        }
        if (!result.settled()) {
            String reason = status.lastError() == null ? "" : ": " + withoutRetryNote(status.lastError().sentence());
            long others = Math.max(0, status.queued() - 1);
            throw new CliFailure(ExitCode.QUEUED, "Not delivered within " + describe(wait) + reason
                    + " The event" + (others == 0 ? " is" : " and " + others + " earlier " + events(others) + " are")
                    + " kept in the spool at " + dataDirectory + "; the next ship run with that data directory "
                    + "delivers " + (others == 0 ? "it." : "them."));
        }
        List<String> lines = new ArrayList<>();
        lines.add("Sent build " + build(facts) + " (" + facts.pipelineResult().value() + ") to " + target
                + ": index " + event.index() + ", id " + event.id());
        long earlier = status.sent() - 1;
        if (earlier > 0) {
            lines.add("Also delivered " + earlier + " " + events(earlier)
                    + " that an earlier ship run had left in the spool.");
        }
        if (status.deadLettered() > 0) {
            lines.add(status.deadLettered() + " earlier " + events(status.deadLettered()) + " from the spool "
                    + (status.deadLettered() == 1 ? "was" : "were") + " refused by the engine; see "
                    + status.deadLetterFile() + ".");
        }
        return lines;
    }

    /** {@code gitlab-main/shop#42}: the server, the pipeline and the number people know the run by. */
    static String build(BuildFacts facts) {
        String pipeline = facts.server().name() + "/" + facts.pipeline().id();
        String expected = facts.pipeline().id() + "#" + facts.run().number();
        if (facts.run().number() != null && (facts.run().id().equals(expected))) {
            return pipeline + "#" + facts.run().number();
        }
        return pipeline + " run " + facts.run().id();
    }

    static String withoutRetryNote(String sentence) {
        int note = sentence.indexOf(SHIPPER_RETRY_NOTE);
        String cut = note < 0 ? sentence : sentence.substring(0, note);
        return cut.endsWith(".") ? cut : cut + ".";
    }

    private static String events(long count) {
        return count == 1 ? "event" : "events";
    }

    private static String describe(Duration wait) {
        return wait.toMillis() % 1000 != 0 ? wait.toMillis() + " ms"
                : wait.toSeconds() < 120 ? wait.toSeconds() + " s" : wait.toMinutes() + " min";
    }
}
