package io.buildanalytics.kibana.query;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A Vega data request after the dashboard's context was put in: what Kibana sends to the engine. */
public record ResolvedQuery(String index, ObjectNode body) {
}
