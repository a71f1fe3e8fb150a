package io.buildanalytics.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildanalytics.kibana.query.EngineSearch;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes a {@link MetricsReport} with one search: the same filters and aggregations as the dashboards' panels
 * (kpi-*, servers-side-by-side, deployments-weekly-by-server, top-failing-pipelines), with the ratios, medians of
 * weeks and bands the panels compute in Vega-Lite computed here. Only plain aggregations, so it runs on every
 * supported Elasticsearch and OpenSearch, including the minimal distributions.
 */
public final class MetricsQuery {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_SERVERS = 20;
    private static final int FAILING_PIPELINES = 10;

    private final EngineSearch engine;
    private final String index;
    private final Clock clock;

    public MetricsQuery(EngineSearch engine, String index, Clock clock) {
        this.engine = engine;
        this.index = index;
        this.clock = clock;
    }

    public MetricsReport run(ReportFilter filter) {
        ObjectNode body = body(filter);
        JsonNode answer = engine.search(index, body);
        JsonNode aggs = answer.path("aggregations");
        long rangeDays = days(filter).size();

        List<MetricsReport.ServerMeasures> servers = new ArrayList<>();
        for (JsonNode server : aggs.path("servers").path("buckets")) {
            String product = server.path("product").path("buckets").path(0).path("key").asText(null);
            servers.add(new MetricsReport.ServerMeasures(server.path("key").asText(), product,
                    server.path("doc_count").asLong(), measures(server, filter, rangeDays)));
        }
        return new MetricsReport(filter, index, answer.path("hits").path("total").path("value").asLong(),
                measures(aggs, filter, rangeDays), servers, weeks(aggs, filter), failing(aggs), clock.instant());
    }

    /** The search, for tests and for anyone who wants to run it by hand. */
    public static ObjectNode body(ReportFilter filter) {
        ObjectNode body = JSON.createObjectNode();
        body.put("size", 0);
        body.put("track_total_hits", true);
        ArrayNode filters = body.putObject("query").putObject("bool").putArray("filter");
        ObjectNode range = filters.addObject().putObject("range").putObject("@timestamp");
        range.put("gte", filter.from().toString());
        range.put("lte", filter.to().toString());
        range.put("format", "strict_date_optional_time");
        filters.add(term("event.action", "pipeline_run"));
        addIfGiven(filters, "observer.name", filter.server());
        addIfGiven(filters, "ci.pipeline.project", filter.project());
        addIfGiven(filters, "service.name", filter.service());
        addIfGiven(filters, "deployment.environment.name", filter.environment());

        ObjectNode aggs = measureAggregations(filter);
        ObjectNode servers = JSON.createObjectNode();
        servers.putObject("terms").put("field", "observer.name").put("size", MAX_SERVERS);
        ObjectNode serverAggs = measureAggregations(filter);
        serverAggs.putObject("product").putObject("terms").put("field", "observer.product").put("size", 1);
        servers.set("aggs", serverAggs);
        aggs.set("servers", servers);
        aggs.set("weeks", weeklyAggregation(filter));
        aggs.set("failing", failingAggregation());
        body.set("aggs", aggs);
        return body;
    }

    private static ObjectNode measureAggregations(ReportFilter filter) {
        ObjectNode aggs = JSON.createObjectNode();

        ObjectNode deployments = aggs.putObject("deployments");
        deployments.putObject("filter").set("bool", deploymentFilter(filter));
        ObjectNode deploymentAggs = deployments.putObject("aggs");
        deploymentAggs.putObject("days").putObject("date_histogram").put("field", "@timestamp")
                .put("calendar_interval", "1d").put("time_zone", "UTC").put("min_doc_count", 1);
        percentiles(deploymentAggs, "lead", "dora.changes.lead_time", 50, 90);
        deploymentAggs.putObject("commits").putObject("value_count").put("field", "dora.changes.lead_time");
        deploymentAggs.putObject("failed").putObject("cardinality").put("field", "dora.remediation.failed_deployment.id");

        ObjectNode recovered = aggs.putObject("recovered");
        ArrayNode recoveredFilters = recovered.putObject("filter").putObject("bool").putArray("filter");
        recoveredFilters.add(target(filter));
        recoveredFilters.addObject().putObject("exists").put("field", "dora.recovery_time");
        percentiles(recovered.putObject("aggs"), "recovery", "dora.recovery_time", 50);

        ObjectNode runs = aggs.putObject("runs");
        runs.putObject("filter").set("bool", countedRuns());
        ObjectNode runAggs = runs.putObject("aggs");
        runAggs.putObject("failed").putObject("filter").set("term", JSON.createObjectNode().put("event.outcome", "failure"));
        percentiles(runAggs, "duration", "event.duration", 50, 95);

        percentiles(aggs, "queue", "ci.pipeline.run.queue.duration", 50, 95);
        return aggs;
    }

    private static ObjectNode weeklyAggregation(ReportFilter filter) {
        ObjectNode weeks = JSON.createObjectNode();
        weeks.putObject("date_histogram").put("field", "@timestamp").put("calendar_interval", "1w")
                .put("time_zone", "UTC").put("min_doc_count", 1);
        ObjectNode aggs = weeks.putObject("aggs");
        aggs.putObject("deployments").putObject("filter").set("bool", deploymentFilter(filter));
        ObjectNode runs = aggs.putObject("runs");
        runs.putObject("filter").set("bool", countedRuns());
        runs.putObject("aggs").putObject("failed").putObject("filter")
                .set("term", JSON.createObjectNode().put("event.outcome", "failure"));
        return weeks;
    }

    private static ObjectNode failingAggregation() {
        ObjectNode failing = JSON.createObjectNode();
        failing.putObject("filter").set("bool", countedRuns());
        ObjectNode pipelines = failing.putObject("aggs").putObject("pipelines");
        ObjectNode terms = pipelines.putObject("terms").put("field", "cicd.pipeline.name").put("size", FAILING_PIPELINES);
        ArrayNode order = terms.putArray("order");
        order.addObject().put("failed", "desc");
        order.addObject().put("_key", "asc");
        ObjectNode aggs = pipelines.putObject("aggs");
        aggs.putObject("failed").putObject("filter").set("term", JSON.createObjectNode().put("event.outcome", "failure"));
        aggs.putObject("server").putObject("terms").put("field", "observer.name").put("size", 1);
        return failing;
    }

    /** Successful deployments to the report's target environment (production unless one is named). */
    private static ObjectNode deploymentFilter(ReportFilter filter) {
        ObjectNode bool = JSON.createObjectNode();
        ArrayNode filters = bool.putArray("filter");
        filters.add(term("dora.is_deployment", true));
        filters.add(target(filter));
        filters.add(term("event.outcome", "success"));
        return bool;
    }

    private static ObjectNode target(ReportFilter filter) {
        return filter.environment() == null ? term("dora.is_production", true)
                : term("deployment.environment.name", filter.environment());
    }

    /** Runs the failure rate counts: succeeded or failed, not TeamCity personal builds. */
    private static ObjectNode countedRuns() {
        ObjectNode bool = JSON.createObjectNode();
        ArrayNode filters = bool.putArray("filter");
        ObjectNode outcomes = filters.addObject().putObject("terms");
        outcomes.putArray("event.outcome").add("success").add("failure");
        filters.add(term("ci.pipeline.run.is_personal", false));
        return bool;
    }

    private Measures measures(JsonNode scope, ReportFilter filter, long rangeDays) {
        JsonNode deployments = scope.path("deployments");
        long deployed = deployments.path("doc_count").asLong();
        List<LocalDate> deploymentDays = new ArrayList<>();
        for (JsonNode day : deployments.path("days").path("buckets")) {
            if (day.path("doc_count").asLong() > 0) {
                deploymentDays.add(Instant.ofEpochMilli(day.path("key").asLong()).atZone(ZoneOffset.UTC).toLocalDate());
            }
        }
        Measures.DeploymentFrequency frequency = frequency(deployed, deploymentDays, filter, rangeDays);

        long commits = deployments.path("commits").path("value").asLong();
        Duration leadP50 = commits == 0 ? null : nanos(deployments.path("lead"), "50.0");
        Duration leadP90 = commits == 0 ? null : nanos(deployments.path("lead"), "90.0");
        Measures.LeadTime lead = new Measures.LeadTime(commits, leadP50, leadP90,
                Band.leadTime(commits, hours(leadP50)));

        long failedDeployments = deployments.path("failed").path("value").asLong();
        Double changeFailureRate = deployed == 0 ? null : (double) failedDeployments / deployed;
        Measures.ChangeFailure changeFailure = new Measures.ChangeFailure(deployed, failedDeployments,
                changeFailureRate, Band.changeFailure(deployed, changeFailureRate == null ? 0 : changeFailureRate));

        long recoveries = scope.path("recovered").path("doc_count").asLong();
        Duration recoveryP50 = recoveries == 0 ? null : nanos(scope.path("recovered").path("recovery"), "50.0");
        Measures.Recovery recovery = new Measures.Recovery(recoveries, recoveryP50,
                Band.recovery(recoveries, hours(recoveryP50)));

        JsonNode runs = scope.path("runs");
        long counted = runs.path("doc_count").asLong();
        long failedRuns = runs.path("failed").path("doc_count").asLong();
        Measures.BuildFailure buildFailure = new Measures.BuildFailure(counted, failedRuns,
                counted == 0 ? null : (double) failedRuns / counted);
        Measures.Timing timing = new Measures.Timing(counted, nanos(runs.path("duration"), "50.0"),
                nanos(runs.path("duration"), "95.0"), nanos(scope.path("queue"), "50.0"),
                nanos(scope.path("queue"), "95.0"));
        return new Measures(frequency, lead, changeFailure, recovery, buildFailure, timing);
    }

    /**
     * The dashboards' rule: the median of deployment days over the whole weeks (Monday to Sunday, UTC) inside the
     * range; without a whole week, deployment days per 7 days of range.
     */
    static Measures.DeploymentFrequency frequency(long deployments, List<LocalDate> deploymentDays,
                                                  ReportFilter filter, long rangeDays) {
        Map<LocalDate, Integer> daysInRangePerWeek = new TreeMap<>();
        for (LocalDate day : days(filter)) {
            daysInRangePerWeek.merge(weekStart(day), 1, Integer::sum);
        }
        Map<LocalDate, Integer> deploymentDaysPerWeek = new HashMap<>();
        for (LocalDate day : deploymentDays) {
            deploymentDaysPerWeek.merge(weekStart(day), 1, Integer::sum);
        }
        List<Integer> wholeWeeks = new ArrayList<>();
        daysInRangePerWeek.forEach((week, days) -> {
            if (days == 7) {
                wholeWeeks.add(deploymentDaysPerWeek.getOrDefault(week, 0));
            }
        });
        double perWeek = wholeWeeks.isEmpty() ? deploymentDays.size() * 7.0 / Math.max(rangeDays, 1)
                : median(wholeWeeks);
        return new Measures.DeploymentFrequency(deployments, deploymentDays.size(), perWeek, wholeWeeks.size(),
                Band.deploymentFrequency(deployments, perWeek, deploymentDays.size(), rangeDays));
    }

    private List<MetricsReport.Week> weeks(JsonNode aggs, ReportFilter filter) {
        Map<LocalDate, JsonNode> buckets = new HashMap<>();
        for (JsonNode bucket : aggs.path("weeks").path("buckets")) {
            buckets.put(Instant.ofEpochMilli(bucket.path("key").asLong()).atZone(ZoneOffset.UTC).toLocalDate(), bucket);
        }
        List<MetricsReport.Week> weeks = new ArrayList<>();
        LocalDate last = weekStart(date(filter.to()));
        for (LocalDate week = weekStart(date(filter.from())); !week.isAfter(last); week = week.plusWeeks(1)) {
            JsonNode bucket = buckets.get(week);
            weeks.add(bucket == null ? new MetricsReport.Week(week, 0, 0, 0)
                    : new MetricsReport.Week(week, bucket.path("deployments").path("doc_count").asLong(),
                            bucket.path("runs").path("doc_count").asLong(),
                            bucket.path("runs").path("failed").path("doc_count").asLong()));
        }
        return weeks;
    }

    private static List<MetricsReport.FailingPipeline> failing(JsonNode aggs) {
        List<MetricsReport.FailingPipeline> failing = new ArrayList<>();
        for (JsonNode pipeline : aggs.path("failing").path("pipelines").path("buckets")) {
            long failed = pipeline.path("failed").path("doc_count").asLong();
            if (failed > 0) {
                failing.add(new MetricsReport.FailingPipeline(
                        pipeline.path("server").path("buckets").path(0).path("key").asText(""),
                        pipeline.path("key").asText(), pipeline.path("doc_count").asLong(), failed));
            }
        }
        failing.sort(Comparator.comparingLong(MetricsReport.FailingPipeline::failed).reversed()
                .thenComparing(MetricsReport.FailingPipeline::pipeline));
        return failing;
    }

    private static List<LocalDate> days(ReportFilter filter) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = date(filter.from()); !day.isAfter(date(filter.to())); day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }

    private static LocalDate date(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static LocalDate weekStart(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    static double median(List<Integer> values) {
        List<Integer> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    private static void percentiles(ObjectNode aggs, String name, String field, int... percents) {
        ObjectNode percentiles = aggs.putObject(name).putObject("percentiles").put("field", field);
        ArrayNode list = percentiles.putArray("percents");
        for (int percent : percents) {
            list.add(percent);
        }
    }

    /** A percentile of a nanosecond field, or null when the engine had no value. */
    private static Duration nanos(JsonNode percentiles, String key) {
        JsonNode value = percentiles.path("values").path(key);
        if (!value.isNumber()) {
            return null;
        }
        return Duration.ofNanos(Math.round(value.asDouble()));
    }

    private static double hours(Duration duration) {
        return duration == null ? 0 : duration.toNanos() / 3.6e12;
    }

    private static void addIfGiven(ArrayNode filters, String field, String value) {
        if (value != null) {
            filters.add(term(field, value));
        }
    }

    private static ObjectNode term(String field, String value) {
        ObjectNode term = JSON.createObjectNode();
        term.putObject("term").put(field, value);
        return term;
    }

    private static ObjectNode term(String field, boolean value) {
        ObjectNode term = JSON.createObjectNode();
        term.putObject("term").put(field, value);
        return term;
    }
}
