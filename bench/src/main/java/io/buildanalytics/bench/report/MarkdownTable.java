package io.buildanalytics.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A section's measurements as one table: a row per subject, a column per metric, in the order they were measured,
 * then the row's target and whether it was met. Side-by-side figures share a table so they are read together.
 */
final class MarkdownTable {

    private MarkdownTable() {
    }

    static String of(List<Measurement> measurements) {
        List<String> metrics = new ArrayList<>();
        Map<String, Map<String, Measurement>> rows = new LinkedHashMap<>();
        boolean targets = false;
        for (Measurement measurement : measurements) {
            if (!metrics.contains(measurement.metric())) {
                metrics.add(measurement.metric());
            }
            rows.computeIfAbsent(measurement.subject(), subject -> new LinkedHashMap<>())
                    .put(measurement.metric(), measurement);
            targets |= measurement.target() != null;
        }
        StringBuilder table = new StringBuilder("| |");
        StringBuilder rule = new StringBuilder("|---|");
        for (String metric : metrics) {
            table.append(' ').append(metric).append(" |");
            rule.append("---:|");
        }
        if (targets) {
            table.append(" Target | |");
            rule.append("---|---|");
        }
        table.append('\n').append(rule).append('\n');
        boolean anyTarget = targets;
        rows.forEach((subject, cells) -> {
            table.append("| ").append(subject).append(" |");
            List<String> rowTargets = new ArrayList<>();
            Boolean met = null;
            for (String metric : metrics) {
                Measurement cell = cells.get(metric);
                table.append(' ').append(cell == null ? "" : cell.unit().format(cell.value())).append(" |");
                if (cell != null && cell.target() != null) {
                    rowTargets.add(cell.metric() + " " + cell.target());
                    met = (met == null || met) && cell.met();
                }
            }
            if (anyTarget) {
                table.append(' ').append(String.join("; ", rowTargets)).append(" | ")
                        .append(met == null ? "" : met ? "met" : "**missed**").append(" |");
            }
            table.append('\n');
        });
        return table.toString();
    }
}
