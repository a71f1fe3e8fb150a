package io.buildanalytics.cli.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * The report for scripts, schema {@value #SCHEMA}. Keys are snake_case and always present, in a fixed order; a
 * value without data is {@code null}, never left out, so {@code jq '.overall.lead_time.p50_seconds'} needs no
 * guard for a missing key. Durations are seconds, an integer when whole and with milliseconds otherwise; rates are
 * fractions rounded to four decimals and days per week to two (the counts beside them give exact values); bands
 * are lower case ({@code elite}, {@code high}, {@code medium}, {@code low}, {@code no_data}); times are ISO-8601
 * UTC. Text from the events is written as it is: a consumer that puts it into HTML must escape it. A change to
 * the meaning of a key needs a new schema version; added keys do not.
 */
public final class JsonReport {

    public static final String SCHEMA = "build-analytics-report/1";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public String render(MetricsReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("generated_at", report.createdAt().toString());
        root.set("filter", filter(report.filter()));
        root.put("index", report.index());
        root.put("events", report.events());
        root.set("overall", measures(report.overall()));
        ArrayNode servers = root.putArray("servers");
        for (MetricsReport.ServerMeasures server : report.servers()) {
            ObjectNode node = servers.addObject();
            node.put("server", server.server());
            node.put("product", server.product());
            node.put("events", server.events());
            node.set("measures", measures(server.measures()));
        }
        ArrayNode weeks = root.putArray("weeks");
        for (MetricsReport.Week week : report.weeks()) {
            ObjectNode node = weeks.addObject();
            node.put("start", week.start().toString());
            node.put("partial", WeekCoverage.partial(report.filter(), week));
            node.put("deployments", week.deployments());
            node.put("runs", week.runs());
            node.put("failed_runs", week.failedRuns());
            putRate(node, "failure_rate", week.failureRate());
        }
        ArrayNode failing = root.putArray("failing_pipelines");
        for (MetricsReport.FailingPipeline pipeline : report.failing()) {
            ObjectNode node = failing.addObject();
            node.put("server", pipeline.server());
            node.put("pipeline", pipeline.pipeline());
            node.put("runs", pipeline.runs());
            node.put("failed_runs", pipeline.failed());
            putRate(node, "failure_rate", pipeline.runs() == 0 ? null : pipeline.failureRate());
        }
        try {
            return MAPPER.writer(prettyPrinter()).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode filter(ReportFilter filter) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("from", filter.from().toString());
        node.put("to", filter.to().toString());
        node.put("server", filter.server());
        node.put("project", filter.project());
        node.put("service", filter.service());
        node.put("environment", filter.environment());
        // Spelled out because without an environment the deployment measures count production.
        node.put("deployment_environment", filter.deploymentTarget());
        return node;
    }

    private static ObjectNode measures(Measures measures) {
        ObjectNode node = MAPPER.createObjectNode();

        Measures.DeploymentFrequency frequency = measures.frequency();
        ObjectNode df = node.putObject("deployment_frequency");
        df.put("deployments", frequency.deployments());
        df.put("deployment_days", frequency.deploymentDays());
        df.put("days_per_week", round(frequency.daysPerWeek(), 2));
        df.put("whole_weeks", frequency.wholeWeeks());
        putBand(df, frequency.band());

        Measures.LeadTime lead = measures.leadTime();
        ObjectNode lt = node.putObject("lead_time");
        lt.put("commits", lead.commits());
        putSeconds(lt, "p50_seconds", lead.p50());
        putSeconds(lt, "p90_seconds", lead.p90());
        putBand(lt, lead.band());

        Measures.ChangeFailure change = measures.changeFailure();
        ObjectNode cf = node.putObject("change_failure");
        cf.put("deployments", change.deployments());
        cf.put("rolled_back", change.failed());
        putRate(cf, "rate", change.rate());
        putBand(cf, change.band());

        Measures.Recovery recovery = measures.recovery();
        ObjectNode rt = node.putObject("recovery");
        rt.put("recoveries", recovery.recoveries());
        putSeconds(rt, "p50_seconds", recovery.p50());
        putBand(rt, recovery.band());

        Measures.BuildFailure build = measures.buildFailure();
        ObjectNode bf = node.putObject("build_failure");
        bf.put("runs", build.runs());
        bf.put("failed_runs", build.failed());
        putRate(bf, "rate", build.rate());

        Measures.Timing timing = measures.timing();
        ObjectNode tm = node.putObject("timing");
        tm.put("runs", timing.runs());
        putSeconds(tm, "duration_p50_seconds", timing.durationP50());
        putSeconds(tm, "duration_p95_seconds", timing.durationP95());
        putSeconds(tm, "queue_p50_seconds", timing.queueP50());
        putSeconds(tm, "queue_p95_seconds", timing.queueP95());
        return node;
    }

    /**
     * Whole seconds as an integer (14400, not 14400.0), so that scripts comparing with integers just work; a
     * fraction (0.25) only where the duration has milliseconds, as sub-second queue times do.
     */
    private static void putSeconds(ObjectNode node, String key, Duration duration) {
        if (duration == null) {
            node.putNull(key);
        } else if (duration.toMillis() % 1000 == 0) {
            node.put(key, duration.toMillis() / 1000);
        } else {
            node.put(key, duration.toMillis() / 1000.0);
        }
    }

    private static void putRate(ObjectNode node, String key, Double rate) {
        if (rate == null) {
            node.putNull(key);
        } else {
            node.put(key, round(rate, 4));
        }
    }

    private static void putBand(ObjectNode node, Band band) {
        node.put("band", band == null ? null : Formats.bandKey(band));
    }

    private static double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    /** Two-space indent and "\n" on every platform, so the output is byte for byte the same on Windows. */
    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withArrayEmptySeparator("")
                .withObjectEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }
}
