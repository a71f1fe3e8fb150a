package io.buildanalytics.shipper.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemplateStatusTest {

    @Test
    void onlyAMissingOrOlderTemplateIsReplaced() {
        assertThat(TemplateStatus.compare(0, 2).state()).isEqualTo(TemplateStatus.State.MISSING);
        assertThat(TemplateStatus.compare(1, 2).state()).isEqualTo(TemplateStatus.State.OUTDATED);
        assertThat(TemplateStatus.compare(2, 2).state()).isEqualTo(TemplateStatus.State.CURRENT);
        assertThat(TemplateStatus.compare(3, 2).state()).isEqualTo(TemplateStatus.State.NEWER);
        assertThat(TemplateStatus.compare(0, 2).usable()).isFalse();
        assertThat(TemplateStatus.compare(1, 2).usable()).isFalse();
        assertThat(TemplateStatus.compare(3, 2).usable()).isTrue();
        assertThat(TemplateStatus.compare(1, 2).sentence()).contains("version 1", "version 2");
    }
}
