package io.buildanalytics.bench.data;

import io.buildanalytics.model.event.BuildEvent;
import java.util.ArrayList;
import java.util.List;

/** Events as {@code _bulk} request bodies, built before any clock starts: the raw ceiling posts only bytes. */
public final class EventBatches {

    private EventBatches() {
    }

    public static List<String> ndjson(List<BuildEvent> events, int batchSize) {
        List<String> bodies = new ArrayList<>((events.size() + batchSize - 1) / batchSize);
        for (int from = 0; from < events.size(); from += batchSize) {
            StringBuilder body = new StringBuilder();
            for (BuildEvent event : events.subList(from, Math.min(events.size(), from + batchSize))) {
                body.append("{\"index\":{\"_index\":\"").append(event.index()).append("\",\"_id\":\"")
                        .append(event.id()).append("\"}}\n").append(event.json()).append('\n');
            }
            bodies.add(body.toString());
        }
        return bodies;
    }

    /** The same events in another index family: {@code cicd-events-2026.03} becomes {@code <prefix>-2026.03}. */
    public static List<BuildEvent> retargeted(List<BuildEvent> events, String fromPrefix, String toPrefix) {
        List<BuildEvent> moved = new ArrayList<>(events.size());
        for (BuildEvent event : events) {
            if (!event.index().startsWith(fromPrefix + "-")) {
                throw new IllegalArgumentException(event.index() + " is not in " + fromPrefix);
            }
            moved.add(new BuildEvent(event.id(), toPrefix + event.index().substring(fromPrefix.length()), event.json()));
        }
        return moved;
    }
}
