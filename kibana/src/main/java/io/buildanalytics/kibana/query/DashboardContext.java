package io.buildanalytics.kibana.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a dashboard hands its Vega panels: the time picker's range and the filter bar as an Elasticsearch
 * {@code bool} query ({@code must}, {@code filter}, {@code must_not}), the shape Kibana and OpenSearch Dashboards
 * build from the query bar and pinned filters.
 */
public record DashboardContext(Instant from, Instant to, List<JsonNode> must, List<JsonNode> filter,
                               List<JsonNode> mustNot) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public DashboardContext {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("The time range must start before it ends: " + from + " to " + to);
        }
        must = List.copyOf(must);
        filter = List.copyOf(filter);
        mustNot = List.copyOf(mustNot);
    }

    /** A time range and an empty filter bar. */
    public static DashboardContext between(Instant from, Instant to) {
        return new DashboardContext(from, to, List.of(), List.of(), List.of());
    }

    /**
     * Adds a pinned "field is value" filter, as the filter bar writes it ({@code match_phrase}), e.g. one CI
     * server: {@code withPhrase("observer.name", "teamcity-main")}.
     */
    public DashboardContext withPhrase(String field, String value) {
        ObjectNode phrase = JSON.createObjectNode();
        phrase.putObject("match_phrase").put(field, value);
        List<JsonNode> filters = new ArrayList<>(filter);
        filters.add(phrase);
        return new DashboardContext(from, to, must, filters, mustNot);
    }

    /** The context as one {@code bool} query, as Kibana substitutes it for {@code %context%}. */
    ObjectNode asBool() {
        ObjectNode query = JSON.createObjectNode();
        ObjectNode bool = query.putObject("bool");
        bool.putArray("must").addAll(copies(must));
        bool.putArray("filter").addAll(copies(filter));
        bool.putArray("should");
        bool.putArray("must_not").addAll(copies(mustNot));
        return query;
    }

    List<JsonNode> clauses(String occurrence) {
        return switch (occurrence) {
            case "must" -> copies(must);
            case "filter" -> copies(filter);
            case "must_not" -> copies(mustNot);
            default -> throw new IllegalArgumentException(occurrence);
        };
    }

    private static List<JsonNode> copies(List<JsonNode> nodes) {
        List<JsonNode> copies = new ArrayList<>(nodes.size());
        nodes.forEach(node -> copies.add(node.deepCopy()));
        return copies;
    }
}
