package io.buildanalytics.kibana.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The substitutions Kibana's and OpenSearch Dashboards' Vega query parsers make, reproduced. */
class VegaQueryResolverTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DashboardContext CONTEXT = DashboardContext.between(Instant.parse("2026-03-02T00:00:00Z"),
            Instant.parse("2026-03-22T23:59:59.999Z")).withPhrase("observer.name", "teamcity-main");

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void contextAndTimefieldBecomeTheDashboardBoolWithTheRangeInMust() throws Exception {
        ResolvedQuery query = VegaQueryResolver.resolve(json("""
                {"index":"cicd-events*","%context%":true,"%timefield%":"@timestamp","body":{"size":0}}"""), CONTEXT);
        assertThat(query.index()).isEqualTo("cicd-events*");
        assertThat(query.body()).isEqualTo(json("""
                {"size":0,"query":{"bool":{
                  "must":[{"range":{"@timestamp":{"gte":"2026-03-02T00:00:00.000Z","lte":"2026-03-22T23:59:59.999Z",
                           "format":"strict_date_optional_time"}}}],
                  "filter":[{"match_phrase":{"observer.name":"teamcity-main"}}],"should":[],"must_not":[]}}}"""));
    }

    @Test
    void clauseTokensAreReplacedByTheContextsClausesAndTimeBoundsBecomeNumbersInAggregations() throws Exception {
        ResolvedQuery query = VegaQueryResolver.resolve(json("""
                {"index":"i","body":{"query":{"bool":{
                   "must":["%dashboard_context-must_clause%"],
                   "filter":["%dashboard_context-filter_clause%",{"range":{"@timestamp":{"%timefilter%":true}}},
                             {"term":{"dora.is_deployment":true}}],
                   "must_not":["%dashboard_context-must_not_clause%"]}},
                 "aggs":{"days":{"date_histogram":{"field":"@timestamp","calendar_interval":"1d",
                   "extended_bounds":{"min":{"%timefilter%":"min"},"max":{"%timefilter%":"max"}}}}}}}"""), CONTEXT);
        assertThat(query.body().path("query")).isEqualTo(json("""
                {"bool":{"must":[],
                  "filter":[{"match_phrase":{"observer.name":"teamcity-main"}},
                            {"range":{"@timestamp":{"gte":"2026-03-02T00:00:00.000Z","lte":"2026-03-22T23:59:59.999Z",
                             "format":"strict_date_optional_time"}}},{"term":{"dora.is_deployment":true}}],
                  "must_not":[]}}"""));
        assertThat(query.body().at("/aggs/days/date_histogram/extended_bounds")).isEqualTo(json(
                "{\"min\":" + Instant.parse("2026-03-02T00:00:00Z").toEpochMilli() + ",\"max\":"
                        + Instant.parse("2026-03-22T23:59:59.999Z").toEpochMilli() + "}"));
    }

    @Test
    void combinationsTheProductsRejectAreRejected() {
        assertThatThrownBy(() -> VegaQueryResolver.resolve(json(
                "{\"index\":\"i\",\"%context%\":true,\"body\":{\"query\":{\"match_all\":{}}}}"), CONTEXT))
                .hasMessageContaining("must not be used when body.query is set");
        assertThatThrownBy(() -> VegaQueryResolver.resolve(json("""
                {"index":"i","body":{"aggs":{"t":{"date_histogram":{"field":"@timestamp",
                 "interval":{"%autointerval%":true}}}}}}"""), CONTEXT)).hasMessageContaining("calendar_interval");
        assertThatThrownBy(() -> VegaQueryResolver.resolve(json("""
                {"index":"i","body":{"query":{"range":{"@timestamp":{"%timefilter%":"sometimes"}}}}}"""), CONTEXT))
                .hasMessageContaining("must be true, \"min\" or \"max\"");
        assertThatThrownBy(() -> VegaQueryResolver.resolve(json("{\"body\":{}}"), CONTEXT))
                .hasMessage("data.url has no index");
    }
}
