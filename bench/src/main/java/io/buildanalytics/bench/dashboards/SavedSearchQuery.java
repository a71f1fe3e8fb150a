package io.buildanalytics.bench.dashboards;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildanalytics.kibana.catalog.Panel;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The request a saved-search panel makes, modelled on Discover's: the newest rows in the time range that match the
 * panel's KQL query. Our saved searches use only {@code field:value} (or nothing), which KQL turns into a
 * {@code match}; anything else is refused rather than measured as something it is not.
 */
final class SavedSearchQuery {

    static final int ROWS = 100;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FIELD_VALUE = Pattern.compile("([A-Za-z0-9_.@]+):([^\\s:()\"*]+)");

    private SavedSearchQuery() {
    }

    static ObjectNode body(Panel panel, Instant from, Instant to) {
        ObjectNode body = JSON.createObjectNode();
        body.put("size", ROWS);
        body.put("track_total_hits", true);
        body.putArray("sort").addObject().putObject("@timestamp").put("order", "desc");
        ArrayNode filter = body.putObject("query").putObject("bool").putArray("filter");
        filter.addObject().putObject("range").putObject("@timestamp")
                .put("gte", from.toString()).put("lte", to.toString()).put("format", "strict_date_optional_time");
        String kql = panel.searchQuery().trim();
        if (!kql.isEmpty()) {
            Matcher match = FIELD_VALUE.matcher(kql);
            if (!match.matches()) {
                throw new IllegalArgumentException("Saved search " + panel.id() + " has a KQL query this benchmark "
                        + "cannot translate: " + kql);
            }
            filter.addObject().putObject("match").put(match.group(1), match.group(2));
        }
        return body;
    }
}
