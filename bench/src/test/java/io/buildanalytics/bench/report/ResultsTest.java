package io.buildanalytics.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsTest {

    private static final String DELIVERY = "Delivery";
    private static final Machine MACHINE = new Machine("Test CPU", 2, 24L * 1024 * 1024 * 1024, "JVM 17", "Linux");

    private final Results results = new Results("full", Instant.parse("2026-11-25T04:10:30Z"), Duration.ofSeconds(552),
            MACHINE, "Elasticsearch 8.19.21", List.of(new Section(DELIVERY, "How it was measured.", List.of(
                    Measurement.of(DELIVERY, "Shipper", "events/s", 9123.4, Unit.EVENTS_PER_SECOND),
                    Measurement.of(DELIVERY, "Shipper", "share", 91.2, Unit.PERCENT).against("≥ 80 %", true),
                    Measurement.of(DELIVERY, "Shipper", "speed-up", 25.04, Unit.TIMES).against("≥ 30 ×", false),
                    Measurement.of(DELIVERY, "Raw", "events/s", 10002, Unit.EVENTS_PER_SECOND)))));

    @Test
    void markdownHasARowPerSubjectAColumnPerMetricAndTheVerdict() {
        String markdown = results.markdown();

        assertThat(markdown).contains("Measured 2026-11-25T04:10Z by `bench/run` in 9 min 12 s.");
        assertThat(markdown).contains("- Machine: 2 cores (Test CPU), 24.0 GiB memory, JVM 17, Linux");
        assertThat(markdown).contains("## Delivery\n\nHow it was measured.\n\n");
        assertThat(markdown).contains("| | events/s | share | speed-up | Target | |\n|---|---:|---:|---:|---|---|\n");
        assertThat(markdown).contains("| Shipper | 9 123 events/s | 91 % | 25.0 × | share ≥ 80 %; speed-up ≥ 30 × | **missed** |");
        assertThat(markdown).contains("| Raw | 10 002 events/s |  |  |  |  |");
    }

    @Test
    void aRowWhoseTargetsAreAllMetSaysMet() {
        Section section = new Section("S", "M", List.of(
                Measurement.of("S", "Panel", "p50", 12.34, Unit.MILLISECONDS).against("< 500 ms", true)));
        Results one = new Results("smoke", Instant.EPOCH, Duration.ofSeconds(42), MACHINE, "engine", List.of(section));

        assertThat(one.markdown()).contains("| Panel | 12.3 ms | p50 < 500 ms | met |")
                .contains("by `bench/run --scale smoke` in 42 s.");
    }

    @Test
    void jsonKeepsEveryNumberWithItsUnitTargetAndMachine() throws Exception {
        JsonNode json = new ObjectMapper().readTree(results.json());

        assertThat(json.path("schema").asText()).isEqualTo("build-analytics-bench/1");
        assertThat(json.path("took_seconds").asDouble()).isEqualTo(552.0);
        assertThat(json.path("machine").path("cores").asInt()).isEqualTo(2);
        assertThat(json.path("machine").path("memory_bytes").asLong()).isEqualTo(24L * 1024 * 1024 * 1024);
        assertThat(json.path("measurements")).hasSize(4);
        JsonNode speedUp = json.path("measurements").get(2);
        assertThat(speedUp.path("value").asDouble()).isEqualTo(25.04);
        assertThat(speedUp.path("unit").asText()).isEqualTo("×");
        assertThat(speedUp.path("target").asText()).isEqualTo("≥ 30 ×");
        assertThat(speedUp.path("met").asBoolean()).isFalse();
        assertThat(json.path("measurements").get(0).has("target")).isFalse();
    }

    @Test
    void aMeasurementMustBeANumberAndBelongToItsSection() {
        assertThatThrownBy(() -> Measurement.of("S", "x", "y", Double.NaN, Unit.COUNT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Section("Other", "M", List.of(Measurement.of("S", "x", "y", 1, Unit.COUNT))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
