package io.buildanalytics.model.derive;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildanalytics.model.Fixtures;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.facts.Vcs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryHistoryTest {

    private static final Instant T = Fixtures.T0;

    private static BuildFacts run(String job, int number, Instant end) {
        return Fixtures.jenkins(job, number, "SUCCESS", end).build();
    }

    private static List<String> ids(History history) {
        return history.pipelineRuns().map(run -> run.run().id()).toList();
    }

    @Test
    void earlierRunsComeNewestFirstAndLaterOnesAreLeftOut() {
        InMemoryHistory history = new InMemoryHistory();
        BuildFacts first = run("job", 1, T);
        BuildFacts third = run("job", 3, T.plus(Duration.ofHours(2)));
        BuildFacts second = run("job", 2, T.plus(Duration.ofHours(1)));
        history.record(first);
        history.record(third);
        history.record(second);

        assertThat(ids(history.before(third))).containsExactly("job#2", "job#1");
        assertThat(ids(history.before(second))).containsExactly("job#1");
        assertThat(ids(history.before(first))).isEmpty();
    }

    @Test
    void ofTwoRunsFinishingAtTheSameInstantTheOneRecordedFirstIsEarlier() {
        InMemoryHistory history = new InMemoryHistory();
        BuildFacts a = run("job", 1, T);
        BuildFacts b = run("job", 2, T);
        BuildFacts c = run("job", 3, T);
        history.record(a);
        history.record(b);
        history.record(c);

        assertThat(ids(history.before(a))).isEmpty();
        assertThat(ids(history.before(b))).containsExactly("job#1");
        assertThat(ids(history.before(c))).containsExactly("job#2", "job#1");
        assertThat(ids(history.before(run("job", 4, T)))).as("not recorded yet: everything at that instant is earlier")
                .containsExactly("job#3", "job#2", "job#1");
    }

    @Test
    void pipelineRunsAreThoseOfTheSamePipelineAndBranch() {
        InMemoryHistory history = new InMemoryHistory();
        history.record(run("other", 1, T));
        history.record(Fixtures.jenkins("job", 1, "SUCCESS", T).vcs(Vcs.of(null, "a", "feature")).build());
        history.record(Fixtures.jenkins("job", 2, "SUCCESS", T).vcs(Vcs.of(null, "b", "main")).build());
        BuildFacts current = Fixtures.jenkins("job", 3, "SUCCESS", T.plusSeconds(1)).vcs(Vcs.of(null, "c", "main"))
                .build();

        assertThat(ids(history.before(current))).containsExactly("job#2");
    }

    @Test
    void withAClassifierDeploymentCandidatesAreOnlyDeploymentsOfThatTarget() {
        DeploymentClassifier classifier = new DeploymentClassifier(DeploymentRules.of(List.of(
                NamePatternRule.of("(?<service>[^/]+)/deploy-(?<environment>prod|staging)", null, null))));
        InMemoryHistory history = new InMemoryHistory(classifier);
        history.record(run("shop/deploy-prod", 1, T));
        history.record(run("shop/deploy-staging", 1, T.plusSeconds(1)));
        history.record(run("cart/deploy-prod", 1, T.plusSeconds(2)));
        history.record(run("shop/build", 1, T.plusSeconds(3)));
        history.record(run("shop/deploy-prod", 2, T.plusSeconds(4)));
        BuildFacts current = run("shop/deploy-prod", 3, T.plusSeconds(5));

        assertThat(history.before(current).deploymentCandidates("shop", "production").map(r -> r.run().id()))
                .containsExactly("shop/deploy-prod#2", "shop/deploy-prod#1");
        assertThat(new InMemoryHistory().before(current).deploymentCandidates("shop", "production")).isEmpty();
    }
}
