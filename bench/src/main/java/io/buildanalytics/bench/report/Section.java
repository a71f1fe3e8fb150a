package io.buildanalytics.bench.report;

import java.util.List;
import java.util.Objects;

/**
 * One table of the results: what was measured, how, and the numbers.
 *
 * @param title  the table's heading
 * @param method how the numbers were obtained, in a sentence or two a reader can check
 */
public record Section(String title, String method, List<Measurement> measurements) {

    public Section {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(method, "method");
        measurements = List.copyOf(measurements);
        for (Measurement measurement : measurements) {
            if (!measurement.section().equals(title)) {
                throw new IllegalArgumentException(measurement + " does not belong to " + title);
            }
        }
    }
}
