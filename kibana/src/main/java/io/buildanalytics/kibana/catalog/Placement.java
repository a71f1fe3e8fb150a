package io.buildanalytics.kibana.catalog;

/**
 * Where a panel sits on a dashboard, in the dashboards' grid: 48 columns wide, rows about 20 pixels high.
 */
public record Placement(String panelId, int x, int y, int w, int h) {

    public static final int GRID_COLUMNS = 48;

    public Placement {
        if (x < 0 || y < 0 || w < 1 || h < 1 || x + w > GRID_COLUMNS) {
            throw new IllegalArgumentException("Panel " + panelId + " does not fit the 48-column grid: x=" + x
                    + " y=" + y + " w=" + w + " h=" + h);
        }
    }

    boolean overlaps(Placement other) {
        return x < other.x + other.w && other.x < x + w && y < other.y + other.h && other.y < y + h;
    }
}
