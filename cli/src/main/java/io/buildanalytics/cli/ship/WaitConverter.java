package io.buildanalytics.cli.ship;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads {@code --wait}: {@code 30s}, {@code 2m}, {@code 500ms}, or a plain number of seconds. */
public final class WaitConverter implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern WAIT = Pattern.compile("(\\d{1,6})(ms|s|m)?");

    @Override
    public Duration convert(String value) {
        Matcher matcher = WAIT.matcher(value.trim());
        if (!matcher.matches()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a wait time: use for example 30s, "
                    + "2m, 500ms or 0");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
    }
}
