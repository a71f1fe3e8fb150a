package io.buildanalytics.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankPicksASampleNeverAnInterpolation() {
        // 100 samples 10, 20, ... 1000, handed over shuffled.
        long[] samples = LongStream.rangeClosed(1, 100).map(i -> ((i * 37) % 100 + 1) * 10).toArray();
        Percentiles percentiles = Percentiles.of(samples);

        assertThat(percentiles.at(50)).isEqualTo(500);
        assertThat(percentiles.at(95)).isEqualTo(950);
        assertThat(percentiles.at(99)).isEqualTo(990);
        assertThat(percentiles.at(100)).isEqualTo(1000);
        assertThat(percentiles.at(0.5)).isEqualTo(10);
        assertThat(percentiles.max()).isEqualTo(1000);
        assertThat(percentiles.count()).isEqualTo(100);
    }

    @Test
    void fewSamplesRoundUpToTheNextRank() {
        Percentiles three = Percentiles.of(new long[] {30, 10, 20});

        assertThat(three.at(50)).isEqualTo(20);
        assertThat(three.at(95)).isEqualTo(30);
    }

    @Test
    void refusesNoSamplesAndPercentsOutsideTheRange() {
        assertThatThrownBy(() -> Percentiles.of(new long[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(new long[] {1}).at(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(new long[] {1}).at(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
