package io.buildanalytics.bench.report;

import java.util.Objects;

/**
 * One number the suite measured: a {@code metric} (column) of a {@code subject} (row) in a {@code section}
 * (table). A target, when the issue set one, travels with the number it applies to.
 *
 * @param target what the number should be, as people read it ("< 100 µs"), or null
 * @param met    whether the number meets the target; null when there is no target
 */
public record Measurement(String section, String subject, String metric, double value, Unit unit, String target,
                          Boolean met) {

    public Measurement {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(unit, "unit");
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(section + " / " + subject + " / " + metric + " is not a number: " + value);
        }
        if ((target == null) != (met == null)) {
            throw new IllegalArgumentException("A target needs a verdict and a verdict needs a target");
        }
    }

    public static Measurement of(String section, String subject, String metric, double value, Unit unit) {
        return new Measurement(section, subject, metric, value, unit, null, null);
    }

    public Measurement against(String targetText, boolean meets) {
        return new Measurement(section, subject, metric, value, unit, targetText, meets);
    }
}
