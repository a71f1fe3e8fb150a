package io.buildanalytics.kibana.catalog;

import java.util.List;

/**
 * One dashboard: its id (saved-object ids are {@code build-analytics-<id>}), title and panel layout.
 */
public record Dashboard(String id, String title, String description, List<Placement> placements) {

    public Dashboard {
        placements = List.copyOf(placements);
        for (int i = 0; i < placements.size(); i++) {
            for (int j = i + 1; j < placements.size(); j++) {
                if (placements.get(i).overlaps(placements.get(j))) {
                    throw new IllegalArgumentException("Dashboard " + id + ": panels " + placements.get(i).panelId()
                            + " and " + placements.get(j).panelId() + " overlap");
                }
            }
        }
    }
}
