package io.buildanalytics.kibana.catalog;

/** What a panel is in Kibana and OpenSearch Dashboards. */
public enum PanelType {
    /** A Vega-Lite chart whose data is an Elasticsearch query (a {@code vega} visualization). */
    VEGA,
    /** Text (a {@code markdown} visualization). */
    MARKDOWN,
    /** A saved search over the data view: a table of events, and what fills the dashboard's filter bar. */
    SEARCH;

    static PanelType of(String name) {
        for (PanelType type : values()) {
            if (type.name().equalsIgnoreCase(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown panel type '" + name + "': use vega, markdown or search");
    }
}
