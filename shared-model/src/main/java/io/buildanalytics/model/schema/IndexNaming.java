package io.buildanalytics.model.schema;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Names of the index family: monthly indices {@code <prefix>-YYYY.MM} chosen from the event's own
 * {@code @timestamp} (so a resend hits the same index), the template matching {@code <prefix>-*}, and the read
 * alias {@code <prefix>}.
 */
public final class IndexNaming {

    public static final String DEFAULT_PREFIX = "cicd-events";

    // Elasticsearch and OpenSearch index name rules, kept narrower so the alias and pattern stay simple.
    private static final Pattern VALID_PREFIX = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,199}");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final String prefix;

    private IndexNaming(String prefix) {
        this.prefix = prefix;
    }

    public static IndexNaming defaults() {
        return new IndexNaming(DEFAULT_PREFIX);
    }

    /** @throws IllegalArgumentException with a message an admin page can show as is */
    public static IndexNaming withPrefix(String prefix) {
        if (prefix == null || !VALID_PREFIX.matcher(prefix).matches() || prefix.endsWith("-")
                || prefix.equals(".") || prefix.equals("..")) {
            throw new IllegalArgumentException("Index prefix '" + prefix + "' is not valid: use lower-case letters, "
                    + "digits, '-', '_' and '.', starting with a letter or digit and not ending with '-'");
        }
        return new IndexNaming(prefix);
    }

    public String prefix() {
        return prefix;
    }

    /** The monthly index (UTC) holding an event whose {@code @timestamp} is the given instant. */
    public String indexFor(Instant timestamp) {
        return prefix + "-" + MONTH.format(timestamp);
    }

    public String indexPattern() {
        return prefix + "-*";
    }

    public String templateName() {
        return prefix;
    }

    /** The alias every monthly index joins, for reading all events with one name. */
    public String readAlias() {
        return prefix;
    }
}
