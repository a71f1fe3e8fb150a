package io.buildanalytics.model.event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Bounds the per-commit lead times stored on one event. Beyond the limit it keeps values evenly spaced by rank
 * (always the shortest and the longest), so the deployment's own median and percentiles survive a 50 000-commit
 * merge while the document stays small.
 */
final class LeadTimeSample {

    private LeadTimeSample() {
    }

    /** Nanoseconds, ascending. */
    static List<Long> of(List<Duration> leadTimes, int limit) {
        List<Long> sorted = new ArrayList<>(leadTimes.size());
        leadTimes.forEach(leadTime -> sorted.add(DocumentWriter.nanos(leadTime)));
        sorted.sort(null);
        if (sorted.size() <= limit) {
            return sorted;
        }
        List<Long> sample = new ArrayList<>(limit);
        double step = (sorted.size() - 1) / (double) (limit - 1);
        for (int i = 0; i < limit; i++) {
            sample.add(sorted.get((int) Math.round(i * step)));
        }
        return sample;
    }
}
