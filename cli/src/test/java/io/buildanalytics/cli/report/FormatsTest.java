package io.buildanalytics.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void leadAndRecoveryTimesSwitchFromSecondsToMinutesHoursAndDays() {
        assertThat(Formats.elapsed(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(Formats.elapsed(Duration.ofMinutes(12))).isEqualTo("12 min");
        assertThat(Formats.elapsed(Duration.ofSeconds(59 * 60 + 50))).isEqualTo("1.0 h");
        assertThat(Formats.elapsed(Duration.ofHours(4))).isEqualTo("4.0 h");
        assertThat(Formats.elapsed(Duration.ofMinutes(71 * 60 + 54))).isEqualTo("71.9 h");
        assertThat(Formats.elapsed(Duration.ofHours(72))).isEqualTo("3.0 days");
        assertThat(Formats.elapsed(Duration.ofHours(84))).isEqualTo("3.5 days");
        assertThat(Formats.elapsed(null)).isEqualTo("\u2013");
    }

    @Test
    void buildTimesKeepADecimalUnderTenSeconds() {
        assertThat(Formats.buildTime(Duration.ofMillis(400))).isEqualTo("0.4 s");
        assertThat(Formats.buildTime(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(Formats.buildTime(Duration.ofMillis(59_900))).isEqualTo("1.0 min");
        assertThat(Formats.buildTime(Duration.ofMinutes(8))).isEqualTo("8.0 min");
        assertThat(Formats.buildTime(Duration.ofMinutes(90))).isEqualTo("1.5 h");
        assertThat(Formats.buildTime(null)).isEqualTo("\u2013");
    }

    @Test
    void percentagesHaveOneDecimalAndCountsAGroupingComma() {
        assertThat(Formats.percent(2 / 14.0)).isEqualTo("14.3%");
        assertThat(Formats.percent(0.0)).isEqualTo("0.0%");
        assertThat(Formats.percent(1.0)).isEqualTo("100.0%");
        assertThat(Formats.percent(null)).isEqualTo("\u2013");
        assertThat(Formats.count(1_234_567)).isEqualTo("1,234,567");
        assertThat(Formats.counted(1, "deployment", "deployments")).isEqualTo("1 deployment");
        assertThat(Formats.counted(2, "deployment", "deployments")).isEqualTo("2 deployments");
    }

    @Test
    void numbersReadTheSameUnderAnotherDefaultLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            assertThat(Formats.percent(2 / 14.0)).isEqualTo("14.3%");
            assertThat(Formats.count(1234)).isEqualTo("1,234");
            assertThat(Formats.elapsed(Duration.ofHours(84))).isEqualTo("3.5 days");
            assertThat(Svg.number(12.25)).doesNotContain(",");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void instantsShowTheTimeOnlyWhenItIsNotMidnightUtc() {
        assertThat(Formats.instant(Instant.parse("2024-04-03T00:00:00Z"))).isEqualTo("2024-04-03");
        assertThat(Formats.instant(Instant.parse("2024-04-30T23:59:59.999Z"))).isEqualTo("2024-04-30 23:59");
        assertThat(Formats.dateTime(Instant.parse("2024-05-01T08:00:00Z"))).isEqualTo("2024-05-01 08:00 UTC");
    }

    @Test
    void controlAndDirectionCharactersFromEventsAreReplaced() {
        assertThat(Formats.printable("evil\u001b[31mred")).isEqualTo("evil\uFFFD[31mred");
        assertThat(Formats.printable("a\u202Eb\nc")).isEqualTo("a\uFFFDb\uFFFDc");
        assertThat(Formats.printable("déploiement · 部署")).isEqualTo("déploiement · 部署");
        assertThat(Formats.printable(null)).isEqualTo("\u2013");
    }

    @Test
    void truncationCountsCodePointsAndEndsWithAnEllipsis() {
        assertThat(Formats.truncate("shop/deploy", 20)).isEqualTo("shop/deploy");
        assertThat(Formats.truncate("shop/deploy", 6)).isEqualTo("shop/\u2026");
        assertThat(Formats.truncate("\uD83D\uDE80\uD83D\uDE80\uD83D\uDE80", 2)).isEqualTo("\uD83D\uDE80\u2026");
    }
}
