package io.buildanalytics.bench.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.buildanalytics.model.event.BuildEvent;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.schema.IndexNaming;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BenchHistoryTest {

    @Test
    void givesExactlyTheBuildsAskedForFromSeveralTeams() {
        BenchHistory history = BenchHistory.first(4_000);

        assertThat(history.runs()).hasSize(4_000);
        assertThat(history.teamCount()).isGreaterThanOrEqualTo(3);
        Set<String> teams = history.runs().stream().map(run -> run.pipeline().id().substring(0, 5))
                .collect(Collectors.toSet());
        assertThat(teams).hasSize(history.teamCount()).allMatch(prefix -> prefix.matches("t\\d{3}-"));
    }

    @Test
    void everyBuildIsADistinctEventAndDeploymentsNameTheTeamsService() {
        BenchHistory history = BenchHistory.first(4_000);
        List<BuildEvent> events = BenchEvents.of(history.runs(), history.lookup(), IndexNaming.defaults());

        assertThat(events.stream().map(BuildEvent::id).distinct().count()).isEqualTo(4_000);
        Set<String> services = new HashSet<>();
        long deployments = 0;
        for (BuildEvent event : events) {
            JsonNode document = event.document();
            if (!document.path("deployment").path("environment").path("name").isMissingNode()
                    && document.path("service").path("name").isTextual()) {
                deployments++;
                services.add(document.path("service").path("name").asText());
            }
        }
        // Both servers' ways of declaring deployments survive the renaming: Jenkins by the name rule, TeamCity
        // declared; every service carries its team's prefix.
        assertThat(deployments).isGreaterThan(100);
        assertThat(services).contains("t000-shop", "t000-cart", "t001-shop").allMatch(name -> name.matches("t\\d{3}-.+"));
    }

    @Test
    void teamsAreReproducibleButNotCopiesOfEachOther() {
        List<BuildFacts> first = BenchHistory.Team.generate(0).runs();
        List<BuildFacts> again = BenchHistory.Team.generate(0).runs();
        List<BuildFacts> next = BenchHistory.Team.generate(1).runs();

        assertThat(again).isEqualTo(first);
        assertThat(next.get(0).revision()).isNotEqualTo(first.get(0).revision());
        assertThat(first).allMatch(run -> !run.finishedAt().isBefore(BenchHistory.from())
                && !run.finishedAt().isAfter(BenchHistory.to()));
    }
}
