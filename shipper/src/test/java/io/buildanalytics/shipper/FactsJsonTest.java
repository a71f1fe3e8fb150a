package io.buildanalytics.shipper;

import static io.buildanalytics.model.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.buildanalytics.model.Fixtures;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.facts.ResultHint;
import io.buildanalytics.model.facts.TestCounts;
import io.buildanalytics.model.facts.Worker;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FactsJsonTest {

    @Test
    void everyFieldSurvivesTheRoundTrip() {
        BuildFacts facts = Fixtures.jenkins("shop/deploy-prod", 42, "FAILURE", T0)
                .result(new io.buildanalytics.model.facts.HostResult("ABORTED",
                        java.util.Set.of(ResultHint.TIMEOUT)))
                .statusText("Build timed out")
                .worker(new Worker("agent-7", "agent-7"))
                .vcs(Fixtures.git("abc123"))
                .commits(Fixtures.commits("c", 3, T0))
                .tests(TestCounts.of(10, 2, 1))
                .parameters(Map.of("DEPLOY_ENVIRONMENT", "production"))
                .deployment(Fixtures.declared("production", "shop", "1.2.3"))
                .labels(Map.of("team", "payments"))
                .build();

        assertThat(FactsJson.read(FactsJson.write(facts))).isEqualTo(facts);
    }

    @Test
    void minimalFactsRoundTripAndWriteNoDerivedValues() {
        BuildFacts facts = Fixtures.teamcity("Shop_Build", 7, "NORMAL", T0).build();
        String json = new String(FactsJson.write(facts), StandardCharsets.UTF_8);

        assertThat(FactsJson.read(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(facts);
        assertThat(json).doesNotContain("\"outcome\"", "\"pullRequest\"", "\"pipelineResult\"")
                .contains("\"finishedAt\":\"2026-03-02T09:00:00Z\"");
    }

    @Test
    void invalidFactsAreRefusedWithTheValidatorsReason() {
        String noRun = "{\"server\":{\"provider\":\"JENKINS\",\"product\":\"Jenkins\",\"id\":\"j\"}}";

        assertThatThrownBy(() -> FactsJson.read(noRun.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Not valid build facts: ");
        assertThatThrownBy(() -> FactsJson.read("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
