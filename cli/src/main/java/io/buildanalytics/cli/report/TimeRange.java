package io.buildanalytics.cli.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report's time range from {@code --from}, {@code --to} and {@code --last}: dates are whole UTC days (a
 * {@code --to} date includes that day), instants are taken as given, and {@code --last 30d} ends now, like a
 * dashboard's "Last 30 days".
 */
public final class TimeRange {

    private static final Pattern LAST = Pattern.compile("(\\d{1,5})([hdw])");

    private TimeRange() {
    }

    /**
     * @throws IllegalArgumentException with a sentence naming the flag
     */
    public static Instant[] resolve(String from, String to, String last, Clock clock) {
        if (last != null && (from != null || to != null)) {
            throw new IllegalArgumentException("Give either --last or --from/--to, not both");
        }
        Instant now = clock.instant();
        if (from == null && to == null) {
            return new Instant[] {now.minus(lastDuration(last == null ? "30d" : last)), now};
        }
        Instant end = to == null ? now : point(to, "--to", true);
        Instant start = from == null ? end.minus(Duration.ofDays(30)) : point(from, "--from", false);
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("--from " + start + " is not before --to " + end);
        }
        return new Instant[] {start, end};
    }

    static Duration lastDuration(String text) {
        Matcher matcher = LAST.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
            throw new IllegalArgumentException("--last '" + text + "' is not a period: use a number and h, d or w, "
                    + "e.g. 30d, 12w, 48h");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofDays(amount * 7);
        };
    }

    /** A date (start of day, or end of day for {@code --to}) or an ISO-8601 instant such as 2026-03-01T12:00:00Z. */
    static Instant point(String text, String flag, boolean endOfDay) {
        String value = text.trim();
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return endOfDay ? date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1)
                        : date.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(flag + " '" + text + "' is neither a date (2026-03-01) nor an instant "
                    + "(2026-03-01T12:00:00Z)");
        }
    }
}
