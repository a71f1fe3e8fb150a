package io.buildanalytics.shipper.backfill;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which history to send: jobs whose full name matches {@code jobPattern} (all when empty), builds that started in
 * the last {@code lastDays} days (all when 0).
 */
public record BackfillRequest(String jobPattern, int lastDays) {

    public BackfillRequest {
        jobPattern = jobPattern == null ? "" : jobPattern.trim();
        if (lastDays < 0) {
            throw new IllegalArgumentException("The number of days must be 0 (all) or more");
        }
        if (!jobPattern.isEmpty()) {
            try {
                Pattern.compile(jobPattern);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("The job pattern is not a valid regular expression: "
                        + e.getDescription());
            }
        }
    }

    boolean matches(String fullName) {
        return jobPattern.isEmpty() || Pattern.compile(jobPattern).matcher(fullName).find();
    }

    /** One line for the checkpoint file and the status block, naming pipelines the way the CI server does. */
    String describe(String pipelines) {
        return (jobPattern.isEmpty() ? "all " + pipelines : pipelines + " matching " + jobPattern)
                + (lastDays == 0 ? ", all builds" : ", builds of the last " + lastDays + " days");
    }
}
