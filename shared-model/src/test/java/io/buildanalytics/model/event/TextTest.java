package io.buildanalytics.model.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void shortCleanTextIsKeptAsIs() {
        String text = "shop » checkout";
        assertThat(Text.clean(text, 20)).isSameAs(text);
    }

    @Test
    void blankOrControlOnlyTextIsAbsent() {
        assertThat(Text.clean(null, 10)).isNull();
        assertThat(Text.clean(" \t\n\u0000 ", 10)).isNull();
    }

    @Test
    void longTextIsCutToTheLimitEndingInAnEllipsis() {
        String cut = Text.clean("abcdefghij", 5);
        assertThat(cut).isEqualTo("abcd…").hasSize(5);
    }

    @Test
    void cuttingNeverSplitsASurrogatePair() {
        String cut = Text.clean("abc😀def", 5);
        assertThat(cut).isEqualTo("abc…");
        assertThat(Text.clean("ab😀cdef", 5)).isEqualTo("ab😀…");
    }
}
