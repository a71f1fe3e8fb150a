package io.buildanalytics.cli.ship;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/**
 * Reads a time flag. ISO-8601 with an offset, because that is what CI systems hand out ({@code CI_JOB_STARTED_AT}
 * is {@code 2026-03-02T09:00:00Z}, a git commit date from {@code git log --format=%cI} carries its zone): a time
 * without a zone would be read in the runner's zone, which nobody can see from the event.
 */
public final class TimeConverter implements CommandLine.ITypeConverter<Instant> {

    static final String EXAMPLE = "2026-03-02T09:00:00Z";

    @Override
    public Instant convert(String value) {
        return parse(value);
    }

    static Instant parse(String value) {
        try {
            return OffsetDateTime.parse(value.trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not an ISO-8601 time with a zone, "
                    + "such as " + EXAMPLE + " or 2026-03-02T10:00:00+01:00");
        }
    }
}
