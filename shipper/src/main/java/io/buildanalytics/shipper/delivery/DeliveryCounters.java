package io.buildanalytics.shipper.delivery;

import io.buildanalytics.shipper.Problem;
import io.buildanalytics.shipper.backend.EngineInfo;
import io.buildanalytics.shipper.template.TemplateStatus;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the shipper has done since it started, written by the callback and the delivery thread, read by the
 * status page. Lock-free: reading the status must never wait for a delivery in progress.
 */
public final class DeliveryCounters {

    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicReference<Instant> lastSuccess = new AtomicReference<>();
    private final AtomicReference<Problem> lastError = new AtomicReference<>();
    private final AtomicReference<EngineInfo> engine = new AtomicReference<>();
    private final AtomicReference<TemplateStatus> template = new AtomicReference<>();

    void inFlight(long count) {
        inFlight.set(count);
    }

    void sent(long count) {
        sent.addAndGet(count);
        lastSuccess.set(Instant.now());
    }

    void retried(long count) {
        retried.addAndGet(count);
    }

    void deadLettered(long count) {
        deadLettered.addAndGet(count);
    }

    /** Facts the callback could not spool (invalid, or the disk refused them). */
    public void countRejected() {
        rejected.incrementAndGet();
    }

    public void problem(String sentence) {
        lastError.set(new Problem(Instant.now(), sentence));
    }

    void engine(EngineInfo info) {
        engine.set(info);
    }

    void template(TemplateStatus status) {
        template.set(status);
    }

    public long inFlight() {
        return inFlight.get();
    }

    public long sent() {
        return sent.get();
    }

    public long retried() {
        return retried.get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }

    public long rejected() {
        return rejected.get();
    }

    public Instant lastSuccess() {
        return lastSuccess.get();
    }

    public Problem lastError() {
        return lastError.get();
    }

    public EngineInfo engine() {
        return engine.get();
    }

    public TemplateStatus template() {
        return template.get();
    }
}
