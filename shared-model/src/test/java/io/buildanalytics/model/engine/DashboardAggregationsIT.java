package io.buildanalytics.model.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.buildanalytics.localengine.EngineKind;
import io.buildanalytics.localengine.LocalEngineExtension;
import io.buildanalytics.model.Fixtures;
import io.buildanalytics.model.derive.DeploymentRules;
import io.buildanalytics.model.derive.NamePatternRule;
import io.buildanalytics.model.event.BuildEvent;
import io.buildanalytics.model.event.BuildEventFactory;
import io.buildanalytics.model.event.Sender;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.facts.Commit;
import io.buildanalytics.model.facts.DeploymentDeclaration;
import io.buildanalytics.model.schema.IndexNaming;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The aggregations the dashboards are built from (filter, terms, date_histogram, percentiles, avg, cardinality),
 * run on both engines over a small hand-made history whose answers were worked out by hand:
 *
 * <pre>
 * T0 = Mon 2026-03-02 09:00 UTC
 * Jenkins shop/build, one run every 6 h:  S F S S aborted S F S S   -> 8 decisive, 2 failures = 25 %,
 *                                                                      time in red 6 h twice
 * Jenkins shop/deploy-prod (service shop, production, by pattern):
 *   D1 T0+1d  S v1                          first deployment: no lead time
 *   D2 T0+2d  S v2  c1..c3 at -1h,-2h,-3h   lead 1h 2h 3h
 *   D3 T0+3d  F v3  c4 at -4h               failed attempt
 *   D4 T0+8d  S v3  c5 at -5h               lead 5h, and c4: 5d4h = 124h
 *   D5 T0+9d  S v2                          rollback of D4 (recovery 24 h)
 * Jenkins shop/deploy-staging T0+1d2h S     not production
 * TeamCity Cart_Deploy (declared, service cart, production):
 *   T1 T0+2d3h S 1.0, T2 T0+9d1h S 1.1 k1 at -7h (lead 7h), T3 T0+10d S 1.2 k2 at -2h (lead 2h)
 *
 * Production deployments per week: Mar 2-8: D1 D2 T1 = 3; Mar 9-15: D4 D5 T2 T3 = 4
 * Lead times 1 2 2 3 5 7 124 h: median 3 h, mean 144/7 h; shop alone 1 2 3 5 124: median 3 h
 * Change failure: 1 remedied deployment (D4) of 7
 * </pre>
 */
class DashboardAggregationsIT {

    @RegisterExtension
    static final LocalEngineExtension ENGINES = new LocalEngineExtension();

    private static final Instant T0 = Fixtures.T0;
    private static final double HOUR = Duration.ofHours(1).toNanos();
    private static final String PRODUCTION_DEPLOYMENTS = """
            {"bool":{"filter":[{"term":{"dora.is_deployment":true}},{"term":{"dora.is_production":true}},
             {"term":{"event.outcome":"success"}}]}}""";

    private static final Map<EngineKind, EventIndex> INDEXES = new HashMap<>();

    @BeforeAll
    static void indexTheHistoryOnBothEngines() {
        List<BuildEvent> events = history();
        for (EngineKind kind : EngineKind.values()) {
            EventIndex index = new EventIndex(ENGINES.get(kind), IndexNaming.withPrefix("it-dashboard"));
            index.deleteAll();
            index.installTemplate();
            index.index(events);
            INDEXES.put(kind, index);
        }
    }

    @AfterAll
    static void dropTheIndices() {
        INDEXES.values().forEach(EventIndex::deleteAll);
    }

    private static List<BuildEvent> history() {
        List<BuildFacts> runs = new ArrayList<>();
        String[] buildResults = {"SUCCESS", "FAILURE", "SUCCESS", "SUCCESS", "ABORTED", "SUCCESS", "FAILURE",
            "SUCCESS", "SUCCESS"};
        for (int i = 0; i < buildResults.length; i++) {
            runs.add(Fixtures.jenkins("shop/build", i + 1, buildResults[i], T0.plus(Duration.ofHours(6L * (i + 1))))
                    .build());
        }
        runs.add(deploy(1, "SUCCESS", "v1", days(1)));
        runs.add(deploy(2, "SUCCESS", "v2", days(2), "c1", hours(1), "c2", hours(2), "c3", hours(3)));
        runs.add(deploy(3, "FAILURE", "v3", days(3), "c4", hours(4)));
        runs.add(deploy(4, "SUCCESS", "v3", days(8), "c5", hours(5)));
        runs.add(deploy(5, "SUCCESS", "v2", days(9)));
        runs.add(Fixtures.jenkins("shop/deploy-staging", 1, "SUCCESS", T0.plus(days(1)).plus(hours(2)))
                .vcs(Fixtures.git("v1")).build());
        runs.add(cart(201, "1.0", days(2).plus(hours(3))));
        runs.add(cart(202, "1.1", days(9).plus(hours(1)), "k1", hours(7)));
        runs.add(cart(203, "1.2", days(10), "k2", hours(2)));
        runs.sort((a, b) -> a.finishedAt().compareTo(b.finishedAt()));

        BuildEventFactory factory = new BuildEventFactory(new Sender("cli", null),
                DeploymentRules.of(List.of(NamePatternRule.of("deploy-(?<environment>prod|staging)", null, null))),
                IndexNaming.withPrefix("it-dashboard"), Clock.systemUTC());
        return Fixtures.events(factory, runs);
    }

    /** A shop production deployment ending at T0+offset; commits given as id, age-before-the-end pairs. */
    private static BuildFacts deploy(int number, String result, String revision, Duration offset, Object... commits) {
        Instant end = T0.plus(offset);
        return Fixtures.jenkins("shop/deploy-prod", number, result, end).vcs(Fixtures.git(revision))
                .commits(commits(end, commits)).build();
    }

    private static BuildFacts cart(long buildId, String version, Duration offset, Object... commits) {
        Instant end = T0.plus(offset);
        return Fixtures.teamcity("Cart_Deploy", buildId, "NORMAL", end)
                .deployment(new DeploymentDeclaration(DeploymentDeclaration.Source.EXPLICIT,
                        "teamcity-deployment-type", "production", "cart", version))
                .commits(commits(end, commits)).build();
    }

    private static List<Commit> commits(Instant end, Object... idAndAge) {
        List<Commit> commits = new ArrayList<>();
        for (int i = 0; i < idAndAge.length; i += 2) {
            commits.add(new Commit((String) idAndAge[i], end.minus((Duration) idAndAge[i + 1])));
        }
        return commits;
    }

    private static Duration days(long days) {
        return Duration.ofDays(days);
    }

    private static Duration hours(long hours) {
        return Duration.ofHours(hours);
    }

    private static Map<String, Long> buckets(JsonNode aggregation) {
        Map<String, Long> counts = new HashMap<>();
        for (JsonNode bucket : aggregation.path("buckets")) {
            String key = bucket.has("key_as_string") ? bucket.path("key_as_string").asText() : bucket.path("key").asText();
            counts.put(key, bucket.path("doc_count").asLong());
        }
        return counts;
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void deploymentFrequencyPerWeekServiceAndServer(EngineKind kind) {
        JsonNode aggs = INDEXES.get(kind).aggregate("""
                {"query":%s,"aggs":{
                  "weekly":{"date_histogram":{"field":"@timestamp","calendar_interval":"1w","min_doc_count":0,
                            "format":"yyyy-MM-dd"}},
                  "services":{"terms":{"field":"service.name"}},
                  "servers":{"terms":{"field":"observer.name"}}}}""".formatted(PRODUCTION_DEPLOYMENTS));

        assertThat(buckets(aggs.path("weekly"))).containsExactlyInAnyOrderEntriesOf(
                Map.of("2026-03-02", 3L, "2026-03-09", 4L));
        assertThat(buckets(aggs.path("services"))).containsExactlyInAnyOrderEntriesOf(
                Map.of("shop", 4L, "cart", 3L));
        assertThat(buckets(aggs.path("servers"))).containsExactlyInAnyOrderEntriesOf(
                Map.of("jenkins-main", 4L, "teamcity-main", 3L));
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void leadTimePercentilesCountEveryCommitOfTheMultiValuedField(EngineKind kind) {
        JsonNode aggs = INDEXES.get(kind).aggregate("""
                {"query":%s,"aggs":{
                  "lead":{"percentiles":{"field":"dora.changes.lead_time","percents":[50]}},
                  "mean":{"avg":{"field":"dora.changes.lead_time"}},
                  "commits":{"value_count":{"field":"dora.changes.lead_time"}},
                  "per_service":{"terms":{"field":"service.name"},"aggs":{
                     "lead":{"percentiles":{"field":"dora.changes.lead_time","percents":[50]}},
                     "longest":{"max":{"field":"dora.changes.lead_time"}}}}}}""".formatted(PRODUCTION_DEPLOYMENTS));

        assertThat(aggs.at("/commits/value").asLong()).isEqualTo(7);
        assertThat(aggs.at("/lead/values/50.0").asDouble() / HOUR).isCloseTo(3.0, within(0.01));
        assertThat(aggs.at("/mean/value").asDouble() / HOUR).isCloseTo(144.0 / 7, within(0.01));
        for (JsonNode service : aggs.at("/per_service/buckets")) {
            if (service.path("key").asText().equals("shop")) {
                assertThat(service.at("/lead/values/50.0").asDouble() / HOUR).isCloseTo(3.0, within(0.01));
                assertThat(service.at("/longest/value").asDouble() / HOUR).isCloseTo(124.0, within(0.01));
            } else {
                assertThat(service.at("/longest/value").asDouble() / HOUR).isCloseTo(7.0, within(0.01));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void changeFailureRateAndRecoveryFromRollbacks(EngineKind kind) {
        JsonNode aggs = INDEXES.get(kind).aggregate("""
                {"query":%s,"aggs":{
                  "failed_changes":{"cardinality":{"field":"dora.remediation.failed_deployment.id"}},
                  "rollbacks":{"filter":{"term":{"dora.deployment.is_rollback":true}}},
                  "recovery":{"percentiles":{"field":"dora.recovery_time","percents":[50]}}}}"""
                .formatted(PRODUCTION_DEPLOYMENTS));
        long deployments = INDEXES.get(kind).http().post("/it-dashboard/_count",
                "{\"query\":" + PRODUCTION_DEPLOYMENTS + "}").requireSuccess().json().path("count").asLong();

        assertThat(deployments).isEqualTo(7);
        assertThat(aggs.at("/failed_changes/value").asLong()).isEqualTo(1);
        assertThat(aggs.at("/rollbacks/doc_count").asLong()).isEqualTo(1);
        assertThat(aggs.at("/recovery/values/50.0").asDouble() / HOUR).isCloseTo(24.0, within(0.01));
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void buildFailureRateLeavesCancelledRunsOutAndTimeInRedIsStored(EngineKind kind) {
        JsonNode aggs = INDEXES.get(kind).aggregate("""
                {"query":{"terms":{"event.outcome":["success","failure"]}},"aggs":{
                  "pipelines":{"terms":{"field":"ci.pipeline.id"},"aggs":{
                    "failed":{"filter":{"term":{"event.outcome":"failure"}}},
                    "turned_red":{"filter":{"term":{"ci.pipeline.run.first_failure":true}}},
                    "time_in_red":{"avg":{"field":"ci.pipeline.run.recovery_time"}},
                    "recoveries":{"value_count":{"field":"ci.pipeline.run.recovery_time"}}}}}}""");

        JsonNode build = null;
        JsonNode deployProd = null;
        for (JsonNode bucket : aggs.at("/pipelines/buckets")) {
            if (bucket.path("key").asText().equals("shop/build")) {
                build = bucket;
            } else if (bucket.path("key").asText().equals("shop/deploy-prod")) {
                deployProd = bucket;
            }
        }
        assertThat(build).isNotNull();
        assertThat(build.path("doc_count").asLong()).isEqualTo(8);
        assertThat(build.at("/failed/doc_count").asLong()).isEqualTo(2);
        assertThat(build.at("/turned_red/doc_count").asLong()).isEqualTo(2);
        assertThat(build.at("/recoveries/value").asLong()).isEqualTo(2);
        assertThat(build.at("/time_in_red/value").asDouble() / HOUR).isCloseTo(6.0, within(0.01));
        assertThat(deployProd.path("doc_count").asLong()).isEqualTo(5);
        assertThat(deployProd.at("/failed/doc_count").asLong()).isEqualTo(1);
    }
}
