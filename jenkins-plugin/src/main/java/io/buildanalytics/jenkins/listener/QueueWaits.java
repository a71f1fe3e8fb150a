package io.buildanalytics.jenkins.listener;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * When each queue item became ready to run, by queue id, until its run finishes and takes it. "Ready" is the end
 * of the quiet period: a quiet period is a deliberate wait (like TeamCity's VCS trigger delay, which happens
 * before its builds enter the queue), so it is not counted as waiting for an executor. Entries are bounded: a
 * run that never finishes (or a restart) must not make this grow.
 */
public final class QueueWaits {

    static final int CAPACITY = 10_000;

    private final Map<Long, Instant> readySince = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Instant> eldest) {
            return size() > CAPACITY;
        }
    };
    private final Map<Long, Instant> left = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Instant> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The item's quiet period ended (it left the waiting state). */
    public synchronized void quietPeriodOver(long queueId, Instant at) {
        readySince.put(queueId, at);
    }

    /**
     * The item left the queue: to an executor, or cancelled.
     *
     * @param inQueueSince when it entered the queue
     */
    public synchronized void leftQueue(long queueId, Instant inQueueSince, boolean cancelled) {
        Instant ready = readySince.remove(queueId);
        if (!cancelled) {
            left.put(queueId, ready != null && ready.isAfter(inQueueSince) ? ready : inQueueSince);
        }
    }

    /** When the run's queue item became ready to run, once; empty when unknown (e.g. queued before a restart). */
    public synchronized Optional<Instant> take(long queueId) {
        return Optional.ofNullable(left.remove(queueId));
    }

    synchronized int size() {
        return readySince.size() + left.size();
    }
}
