package io.buildanalytics.shipper;

import io.buildanalytics.shipper.backend.EngineInfo;
import io.buildanalytics.shipper.template.TemplateStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One consistent-enough reading of the shipper for the admin pages: every number a person needs to see that
 * nothing is lost (or exactly what was, and why).
 *
 * @param queued        events waiting in the spool (including those in flight)
 * @param queuedBytes   their size on disk
 * @param budgetBytes   the spool's disk budget
 * @param inFlight      events in the request being sent now
 * @param sent          events the engine acknowledged since start
 * @param retried       event deliveries that had to be repeated since start
 * @param deadLettered  events the engine refused for good since start (kept in {@code deadLetterFile})
 * @param dropped       events dropped to stay within the disk budget, over the spool's lifetime
 * @param rejected      facts that could not be spooled since start
 * @param lastSuccess   when the engine last acknowledged events, or null
 * @param lastError     the latest problem, or null
 * @param engine        product and version the engine reported, or null before the first contact
 * @param template      the index template's state at the last check, or null before the first contact
 * @param deadLetterFile where refused events are kept
 * @param warnings      standing conditions an admin must see even when delivery works (TLS verification off, an
 *                      unreadable spool file set aside at start)
 */
public record ShipperStatus(long queued, long queuedBytes, long budgetBytes, long inFlight, long sent, long retried,
                            long deadLettered, long dropped, long rejected, Instant lastSuccess, Problem lastError,
                            EngineInfo engine, TemplateStatus template, Path deadLetterFile, List<String> warnings) {

    public ShipperStatus {
        warnings = List.copyOf(warnings);
    }

    /** Whether the latest news is bad: an error after the last success. */
    public boolean failing() {
        return lastError != null && (lastSuccess == null || lastError.at().isAfter(lastSuccess));
    }

    /** One line for a status block or a log. */
    public String summary() {
        String counts = queued + " queued, " + sent + " sent, " + retried + " retried, " + deadLettered
                + " dead-lettered, " + dropped + " dropped";
        if (failing()) {
            return "Not delivering: " + lastError.sentence() + " (" + counts + ")";
        }
        return (engine == null ? "Waiting for the engine" : "Delivering to " + engine) + " (" + counts + ")";
    }
}
