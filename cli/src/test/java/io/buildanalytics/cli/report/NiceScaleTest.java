package io.buildanalytics.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NiceScaleTest {

    @Test
    void countsGetWholeRoundTicksAtOrAboveTheLargestValue() {
        assertThat(NiceScale.upTo(14, true).ticks()).containsExactly(0, 5, 10, 15);
        assertThat(NiceScale.upTo(3, true).ticks()).containsExactly(0, 1, 2, 3);
        assertThat(NiceScale.upTo(230, true).ticks()).containsExactly(0, 50, 100, 150, 200, 250);
    }

    @Test
    void nothingToShowStillGivesAnAxis() {
        assertThat(NiceScale.upTo(0, true).ticks()).containsExactly(0, 1);
        assertThat(NiceScale.upTo(0, false).max()).isEqualTo(1.0);
    }

    @Test
    void ratesGetFractionalTicks() {
        NiceScale scale = NiceScale.upTo(1 / 3.0, false);
        assertThat(scale.max()).isCloseTo(0.4, within(1e-9));
        assertThat(scale.ticks()).hasSize(5);
        assertThat(NiceScale.upTo(0.3, false).max()).isCloseTo(0.3, within(1e-9));
    }
}
