package io.buildanalytics.cli.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How every number of a report is written, shared by the text, HTML and JSON renderers so that a value reads the
 * same everywhere, and the way the dashboards' tiles write it. Always {@link Locale#ROOT}: a report made on a
 * machine with a German locale must still say "14.3%", and SVG coordinates must never get a decimal comma.
 */
public final class Formats {

    /** What a value that has no data is shown as; the dashboards show the same en dash. */
    public static final String MISSING = "\u2013";

    /** Separates the parts of one headline, as on the dashboards' tiles. */
    public static final String DOT = " \u00b7 ";

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private Formats() {
    }

    /** 1,234: counts use a grouping comma, like the dashboards' {@code ,d} format. */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** "1 deployment", "14 deployments". */
    public static String counted(long value, String singular, String plural) {
        return count(value) + " " + (value == 1 ? singular : plural);
    }

    /** A fraction as a percentage with one decimal, "14.3%"; null is {@link #MISSING}. */
    public static String percent(Double fraction) {
        return fraction == null ? MISSING : String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    /** "5.0 days/week". */
    public static String daysPerWeek(double days) {
        return String.format(Locale.ROOT, "%.1f days/week", days);
    }

    /**
     * A lead or recovery time: "45 s", "12 min", "4.0 h", and from 72 hours on "3.5 days". The 72-hour switch is
     * the dashboards' so that a tile and a report agree on "70.0 h" versus "3.1 days".
     */
    public static String elapsed(Duration duration) {
        if (duration == null) {
            return MISSING;
        }
        double seconds = duration.toMillis() / 1000.0;
        if (Math.round(seconds) < 60) {
            return Math.round(seconds) + " s";
        }
        if (Math.round(seconds / 60) < 60) {
            return Math.round(seconds / 60) + " min";
        }
        double hours = seconds / 3600;
        return hours < 72 ? oneDecimal(hours) + " h" : oneDecimal(hours / 24) + " days";
    }

    /**
     * A build's duration or queue time: "0.4 s", "45 s", "8.0 min", "1.5 h". Queue times are often under a second,
     * so short values keep a decimal instead of all reading "0 s".
     */
    public static String buildTime(Duration duration) {
        if (duration == null) {
            return MISSING;
        }
        double seconds = duration.toMillis() / 1000.0;
        if (seconds < 9.95) {
            return oneDecimal(seconds) + " s";
        }
        if (Math.round(seconds) < 60) {
            return Math.round(seconds) + " s";
        }
        double minutes = seconds / 60;
        return minutes < 59.95 ? oneDecimal(minutes) + " min" : oneDecimal(minutes / 60) + " h";
    }

    public static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    public static String date(LocalDate date) {
        return date.toString();
    }

    /** An instant in UTC: only the date at midnight, as a range picked by whole days reads best that way. */
    public static String instant(Instant instant) {
        ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
        return utc.toLocalTime().equals(LocalTime.MIDNIGHT) ? utc.toLocalDate().toString() : MINUTE.format(utc);
    }

    /** "2024-04-30 12:00 UTC", for when a report was made. */
    public static String dateTime(Instant instant) {
        return MINUTE.format(instant.atZone(ZoneOffset.UTC)) + " UTC";
    }

    /** "2024-04-03 – 2024-04-30 23:59 (UTC)". */
    public static String range(ReportFilter filter) {
        return instant(filter.from()) + " \u2013 " + instant(filter.to()) + " (UTC)";
    }

    /** The band's label, or "" where a measure has no band. */
    public static String band(Band band) {
        return band == null ? "" : band.label();
    }

    /** "elite", "no_data": how bands are spelled in JSON and in HTML class names. */
    public static String bandKey(Band band) {
        return band.name().toLowerCase(Locale.ROOT);
    }

    /**
     * A text from the events (server, pipeline name) made safe to print: control characters, which could move the
     * cursor or recolour a terminal, and bidirectional overrides, which could make a name display as another, are
     * replaced with U+FFFD. Null is {@link #MISSING}.
     */
    public static String printable(String text) {
        if (text == null) {
            return MISSING;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(isUnsafe(c) ? 0xFFFD : c));
        return out.toString();
    }

    /** At most {@code max} characters, the rest replaced with an ellipsis; counts code points, not chars. */
    public static String truncate(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "\u2026";
    }

    /** Code points of a text, which is what a terminal column count comes closest to. */
    public static int width(String text) {
        return text.codePointCount(0, text.length());
    }

    private static boolean isUnsafe(int c) {
        return Character.isISOControl(c)
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200E || c == 0x200F
                || Character.getType(c) == Character.SURROGATE;
    }
}
