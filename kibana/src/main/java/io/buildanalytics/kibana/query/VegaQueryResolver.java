package io.buildanalytics.kibana.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns the object-valued {@code data.url} of a Vega panel into the search request Kibana and OpenSearch
 * Dashboards would send, following their query parsers (Kibana's {@code es_query_parser.ts}, OpenSearch
 * Dashboards' {@code opensearch_query_parser.ts}, which agree on everything used here):
 * <ul>
 *   <li>{@code %context%} / {@code %timefield%} replace {@code body.query} with the dashboard context (and the time
 *       range as a {@code range} in {@code must}); they may not be combined with an explicit {@code body.query}.</li>
 *   <li>In an explicit query, the array elements {@code "%dashboard_context-must_clause%"},
 *       {@code "…-filter_clause%"} and {@code "…-must_not_clause%"} are replaced by the context's clauses, and
 *       {@code {"%timefilter%": true}} becomes {@code gte}/{@code lte} ISO bounds with
 *       {@code format: strict_date_optional_time}.</li>
 *   <li>In aggregations, {@code {"%timefilter%": "min"|"max"}} becomes the bound in epoch milliseconds.</li>
 * </ul>
 * {@code %autointerval%} and {@code shift} are refused: the two products write intervals differently and our
 * panels use fixed calendar intervals, so a panel that needs them is a mistake this build should catch.
 */
public final class VegaQueryResolver {

    private static final String CONTEXT = "%context%";
    private static final String TIMEFIELD = "%timefield%";
    private static final String TIMEFILTER = "%timefilter%";
    private static final Map<String, String> CLAUSES = Map.of(
            "%dashboard_context-must_clause%", "must",
            "%dashboard_context-filter_clause%", "filter",
            "%dashboard_context-must_not_clause%", "must_not");

    /** How Kibana writes the bounds (moment's toISOString): always with milliseconds, in UTC. */
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private VegaQueryResolver() {
    }

    public static ResolvedQuery resolve(JsonNode url, DashboardContext context) {
        if (!(url instanceof ObjectNode request)) {
            throw new IllegalArgumentException("data.url must be an object holding an index and a body");
        }
        ObjectNode copy = request.deepCopy();
        String index = copy.path("index").asText(null);
        if (index == null || index.isBlank()) {
            throw new IllegalArgumentException("data.url has no index");
        }
        JsonNode contextFlag = copy.remove(CONTEXT);
        JsonNode timefield = copy.remove(TIMEFIELD);
        if (copy.has("%autointerval%") || copy.has("%context_query%")) {
            throw new IllegalArgumentException("data.url uses a token this project does not allow: " + copy);
        }
        ObjectNode body = copy.has("body") ? (ObjectNode) copy.get("body") : copy.putObject("body");
        boolean usesContext = contextFlag != null || timefield != null;
        if (body.has("query")) {
            if (usesContext) {
                throw new IllegalArgumentException("%context% and %timefield% must not be used when body.query is set");
            }
            body.set("query", inject(body.get("query"), context, true));
        } else if (usesContext) {
            ObjectNode range = null;
            if (timefield != null) {
                range = body.objectNode();
                range.putObject("range").set(timefield.asText(), rangeBounds(body.objectNode(), context));
            }
            if (contextFlag != null && contextFlag.asBoolean()) {
                ObjectNode query = context.asBool();
                if (range != null) {
                    ((ArrayNode) query.path("bool").path("must")).add(range);
                }
                body.set("query", query);
            } else if (range != null) {
                body.set("query", range);
            }
        }
        if (body.has("aggs")) {
            body.set("aggs", inject(body.get("aggs"), context, false));
        }
        return new ResolvedQuery(index, body);
    }

    private static JsonNode inject(JsonNode node, DashboardContext context, boolean inQuery) {
        if (node.isArray()) {
            ArrayNode replaced = ((ArrayNode) node).arrayNode();
            for (JsonNode item : node) {
                String clause = item.isTextual() ? CLAUSES.get(item.asText()) : null;
                if (clause != null && inQuery) {
                    context.clauses(clause).forEach(replaced::add);
                } else {
                    replaced.add(inject(item, context, inQuery));
                }
            }
            return replaced;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode object = (ObjectNode) node;
        if (object.has("interval") && object.get("interval").isObject()) {
            throw new IllegalArgumentException("%autointerval% is not allowed: use calendar_interval");
        }
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        for (String name : names) {
            JsonNode child = object.get(name);
            JsonNode timefilter = child.path(TIMEFILTER);
            if (timefilter.isMissingNode()) {
                object.set(name, inject(child, context, inQuery));
            } else if (timefilter.isBoolean() && timefilter.asBoolean()) {
                object.set(name, rangeBounds((ObjectNode) child, context));
            } else if (timefilter.asText().equals("min") || timefilter.asText().equals("max")) {
                rejectShift(child);
                Instant bound = timefilter.asText().equals("min") ? context.from() : context.to();
                object.put(name, bound.toEpochMilli());
            } else {
                throw new IllegalArgumentException("\"%timefilter%\" must be true, \"min\" or \"max\", not " + timefilter);
            }
        }
        return object;
    }

    private static ObjectNode rangeBounds(ObjectNode template, DashboardContext context) {
        rejectShift(template);
        ObjectNode range = template.deepCopy();
        range.remove(TIMEFILTER);
        range.put("gte", ISO_MILLIS.format(context.from()));
        range.put("lte", ISO_MILLIS.format(context.to()));
        range.put("format", "strict_date_optional_time");
        return range;
    }

    private static void rejectShift(JsonNode timefilter) {
        if (timefilter.has("shift") || timefilter.has("unit")) {
            throw new IllegalArgumentException("\"%timefilter%\" with shift/unit is not used by these dashboards");
        }
    }
}
