package io.buildanalytics.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything one run of the suite measured, with the machine and engine it ran on; written as a Markdown table for
 * people and as JSON ({@code build-analytics-bench/1}) for tools that compare runs.
 *
 * @param scale  which sizes were used ("full" is the issue's; "smoke" only proves the suite works)
 * @param engine the search engine the end-to-end figures were measured against
 */
public record Results(String scale, Instant startedAt, Duration took, Machine machine, String engine,
                      List<Section> sections) {

    public static final String SCHEMA = "build-analytics-bench/1";

    public Results {
        sections = List.copyOf(sections);
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("# Build Analytics benchmarks\n\n");
        out.append("Measured ").append(startedAt.toString(), 0, 16).append("Z by `bench/run");
        out.append("full".equals(scale) ? "" : " --scale " + scale).append("` in ").append(minutes(took)).append(".\n\n");
        out.append("- Machine: ").append(machine.oneLine()).append('\n');
        out.append("- Engine: ").append(engine).append("\n\n");
        for (Section section : sections) {
            out.append("## ").append(section.title()).append("\n\n");
            out.append(section.method()).append("\n\n");
            out.append(MarkdownTable.of(section.measurements()));
            out.append('\n');
        }
        return out.toString();
    }

    public String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("scale", scale);
        root.put("started_at", startedAt.toString());
        root.put("took_seconds", took.toMillis() / 1000.0);
        ObjectNode host = root.putObject("machine");
        host.put("cpu", machine.cpu());
        host.put("cores", machine.cores());
        host.put("memory_bytes", machine.memoryBytes());
        host.put("jvm", machine.jvm());
        host.put("os", machine.os());
        root.put("engine", engine);
        ArrayNode all = root.putArray("measurements");
        for (Section section : sections) {
            for (Measurement measurement : section.measurements()) {
                ObjectNode row = all.addObject();
                row.put("section", measurement.section());
                row.put("subject", measurement.subject());
                row.put("metric", measurement.metric());
                row.put("value", measurement.value());
                row.put("unit", measurement.unit().symbol());
                if (measurement.target() != null) {
                    row.put("target", measurement.target());
                    row.put("met", measurement.met());
                }
            }
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String minutes(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 60 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
    }
}
