package io.buildanalytics.bench.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildanalytics.kibana.catalog.DashboardCatalog;
import io.buildanalytics.kibana.catalog.Panel;
import io.buildanalytics.kibana.catalog.PanelType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SavedSearchQueryTest {

    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-03-31T23:59:59.999Z");

    @Test
    void everySavedSearchOfTheDashboardsTranslates() {
        long searches = DashboardCatalog.load().panels().stream().filter(panel -> panel.type() == PanelType.SEARCH)
                .peek(panel -> SavedSearchQuery.body(panel, FROM, TO)).count();

        assertThat(searches).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aFieldValueQueryBecomesAMatchBesideTheTimeRange() {
        ObjectNode body = SavedSearchQuery.body(search("dora.deployment.is_rollback:true"), FROM, TO);

        assertThat(body.path("size").asInt()).isEqualTo(SavedSearchQuery.ROWS);
        assertThat(body.path("sort").get(0).path("@timestamp").path("order").asText()).isEqualTo("desc");
        assertThat(body.path("query").path("bool").path("filter").get(0).path("range").path("@timestamp")
                .path("gte").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(body.path("query").path("bool").path("filter").get(1).path("match")
                .path("dora.deployment.is_rollback").asText()).isEqualTo("true");
    }

    @Test
    void anEmptyQueryIsTheTimeRangeAlone() {
        ObjectNode body = SavedSearchQuery.body(search(""), FROM, TO);

        assertThat(body.path("query").path("bool").path("filter")).hasSize(1);
    }

    @Test
    void kqlItCannotTranslateIsRefusedNotMeasuredAsSomethingElse() {
        assertThatThrownBy(() -> SavedSearchQuery.body(search("a:b and not c:d"), FROM, TO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a:b and not c:d");
    }

    private static Panel search(String kql) {
        ObjectNode source = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        source.put("title", "Test").put("type", "search").put("query", kql);
        return new Panel("test-search", "Test", "", PanelType.SEARCH, source);
    }
}
