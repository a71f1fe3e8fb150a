package io.buildanalytics.jenkins.listener;

import hudson.Extension;
import hudson.model.Queue;
import hudson.model.queue.QueueListener;
import io.buildanalytics.jenkins.BuildAnalyticsConfiguration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Notes when each queue item's quiet period ends and when it leaves the queue, so a run's queue time is measured
 * from the queue itself (matched by queue id), not guessed from the run's own timestamps.
 */
@Extension
public class QueueWaitListener extends QueueListener {

    private static final Logger LOGGER = Logger.getLogger(QueueWaitListener.class.getName());

    private final Supplier<QueueWaits> waits;

    public QueueWaitListener() {
        this(() -> BuildAnalyticsConfiguration.get().runtime().queueWaits());
    }

    QueueWaitListener(Supplier<QueueWaits> waits) {
        this.waits = waits;
    }

    @Override
    public void onLeaveWaiting(Queue.WaitingItem wi) {
        try {
            waits.get().quietPeriodOver(wi.getId(), Instant.now());
        } catch (RuntimeException | LinkageError e) {
            LOGGER.log(Level.FINE, "Could not note a queue item's quiet period", e);
        }
    }

    @Override
    public void onLeft(Queue.LeftItem li) {
        try {
            waits.get().leftQueue(li.getId(), Instant.ofEpochMilli(li.getInQueueSince()), li.isCancelled());
        } catch (RuntimeException | LinkageError e) {
            LOGGER.log(Level.FINE, "Could not note a queue item leaving the queue", e);
        }
    }
}
