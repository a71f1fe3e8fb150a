package io.buildanalytics.teamcity.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Build ids already read, so a cancelled build reported by both {@code buildInterrupted} and {@code buildFinished}
 * becomes one event read once. Bounded: only the latest ids are remembered (a repeat beyond them would only
 * re-send the same document id, which the engine overwrites).
 */
final class RecentBuilds {

    static final int CAPACITY = 10_000;

    private final Map<Long, Boolean> seen = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > CAPACITY;
        }
    };

    /** True the first time an id is offered. */
    synchronized boolean firstTime(long buildId) {
        return seen.put(buildId, Boolean.TRUE) == null;
    }
}
