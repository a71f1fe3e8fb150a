package io.buildanalytics.kibana.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Runs one search the way a dashboard does and returns the engine's raw answer. */
@FunctionalInterface
public interface EngineSearch {

    JsonNode search(String index, ObjectNode body);
}
