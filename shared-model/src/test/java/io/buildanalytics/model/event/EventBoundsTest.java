package io.buildanalytics.model.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.buildanalytics.model.Fixtures;
import io.buildanalytics.model.derive.InMemoryHistory;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.facts.CiProvider;
import io.buildanalytics.model.facts.CiServer;
import io.buildanalytics.model.facts.Commit;
import io.buildanalytics.model.facts.DeploymentDeclaration;
import io.buildanalytics.model.facts.Pipeline;
import io.buildanalytics.model.facts.PipelineRun;
import io.buildanalytics.model.facts.RefType;
import io.buildanalytics.model.facts.TestCounts;
import io.buildanalytics.model.facts.Trigger;
import io.buildanalytics.model.facts.TriggerType;
import io.buildanalytics.model.facts.Vcs;
import io.buildanalytics.model.facts.Worker;
import io.buildanalytics.model.schema.SchemaValidation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whatever the host hands over, the event stays valid and small. */
class EventBoundsTest {

    private static final int LIMIT_BYTES = 100 * 1024;
    private static final Instant END = EventDocumentTest.END;

    private final BuildEventFactory factory = EventDocumentTest.factory(Clock.fixed(END, ZoneOffset.UTC));

    private static String repeat(String unit, int times) {
        return unit.repeat(times);
    }

    @Test
    void aTenThousandCharacterJobNameGivesAValidBoundedEvent() {
        String name = "folder/" + repeat("very-long-job-name-", 527);
        BuildFacts facts = Fixtures.jenkins(name, 1, "SUCCESS", END).build();

        BuildEvent event = factory.create(facts, io.buildanalytics.model.derive.History.none());
        JsonNode doc = event.document();

        assertThat(name.length()).isGreaterThan(10_000);
        assertThat(SchemaValidation.violations(doc)).isEmpty();
        assertThat(doc.at("/ci/pipeline/id").asText()).hasSize(512).endsWith("…");
        assertThat(event.sizeInBytes()).isLessThan(10 * 1024);
        BuildFacts sibling = Fixtures.jenkins(name + "x", 1, "SUCCESS", END).build();
        assertThat(factory.create(sibling, io.buildanalytics.model.derive.History.none()).id())
                .as("identity uses the whole name, so two long names that share a prefix stay two documents")
                .isNotEqualTo(event.id());
    }

    @Test
    void aDeploymentWithFiftyThousandCommitsKeepsItsCountAndASampleOfLeadTimes() {
        InMemoryHistory history = new InMemoryHistory();
        BuildFacts previous = Fixtures.jenkins("shop/deploy-prod", 1, "SUCCESS", END.minus(Duration.ofDays(60)))
                .vcs(Fixtures.git("v1")).build();
        List<Commit> commits = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            commits.add(new Commit(String.format("%040x", i), END.minus(Duration.ofMinutes(i + 1L))));
        }
        BuildFacts merge = Fixtures.jenkins("shop/deploy-prod", 2, "SUCCESS", END)
                .vcs(Fixtures.git("v2")).commits(commits).build();
        history.record(previous);
        history.record(merge);

        BuildEvent event = factory.create(merge, history.before(merge));
        JsonNode doc = event.document();

        assertThat(SchemaValidation.violations(doc)).isEmpty();
        assertThat(event.sizeInBytes()).isLessThan(LIMIT_BYTES);
        assertThat(doc.at("/ci/changes/count").asLong()).isEqualTo(50_000);
        assertThat(doc.at("/ci/changes/revisions")).hasSize(50);
        assertThat(doc.at("/dora/changes/count").asLong()).isEqualTo(50_000);
        JsonNode leadTimes = doc.at("/dora/changes/lead_time");
        assertThat(leadTimes).hasSize(500);
        assertThat(doc.at("/dora/changes/lead_time_sampled").asBoolean()).isTrue();
        assertThat(leadTimes.get(0).asLong()).as("shortest kept").isEqualTo(Duration.ofMinutes(1).toNanos());
        assertThat(leadTimes.get(499).asLong()).as("longest kept").isEqualTo(Duration.ofMinutes(50_000).toNanos());
        long median = (leadTimes.get(249).asLong() + leadTimes.get(250).asLong()) / 2;
        assertThat(Duration.ofNanos(median).toMinutes()).as("the sample keeps the median").isBetween(24_950L, 25_050L);
    }

    @Test
    void controlCharactersAndBrokenSurrogatesDoNotReachTheDocument() {
        BuildFacts facts = Fixtures.jenkins("shop/\u0000build\r\n\u001b[31mred", 3, "FAILURE", END)
                .statusText("broken \uD800 text \uDC00 and a real 😀")
                .build();

        JsonNode doc = factory.create(facts, io.buildanalytics.model.derive.History.none()).document();

        assertThat(SchemaValidation.violations(doc)).isEmpty();
        assertThat(doc.at("/ci/pipeline/id").asText()).isEqualTo("shop/ build   [31mred");
        assertThat(doc.at("/ci/pipeline/run/status_text").asText()).isEqualTo("broken \uFFFD text \uFFFD and a real 😀");
    }

    /** Every string at its limit in three-byte characters, every list full: still under 100 KB. */
    @Test
    void theLargestPossibleEventStaysUnder100Kilobytes() {
        String huge = repeat("€", 5_000);
        List<Commit> commits = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            commits.add(new Commit(huge + i, END.minus(Duration.ofSeconds(i + 1L))));
        }
        CiServer server = new CiServer(CiProvider.JENKINS, huge, huge, huge, huge, "https://" + huge);
        BuildFacts.Builder builder = BuildFacts.builder()
                .server(server)
                .pipeline(new Pipeline(huge + "/deploy-prod", huge, huge, "https://" + huge))
                .run(new PipelineRun(huge + "#1", huge, "https://" + huge))
                .result("SUCCESS").statusText(huge)
                .queuedAt(END.minusSeconds(600)).startedAt(END.minusSeconds(300)).finishedAt(END)
                .trigger(new Trigger(TriggerType.USER, huge, huge))
                .worker(new Worker(huge, huge))
                .vcs(new Vcs("https://github.com/" + huge + "/" + huge, huge, huge, RefType.BRANCH, true, huge, huge,
                        huge, huge))
                .commits(commits)
                .tests(new TestCounts(Long.MAX_VALUE, 1, 1, 1))
                .deployment(new DeploymentDeclaration(DeploymentDeclaration.Source.EXPLICIT, huge, "production", huge, huge));
        for (int i = 0; i < 100; i++) {
            builder.parameter(huge + i, huge);
            builder.label(String.format("k%03d-%s", i, "x".repeat(59)), huge);
        }
        InMemoryHistory history = new InMemoryHistory();
        BuildFacts previous = builder.run(new PipelineRun(huge + "#0", huge, null)).finishedAt(END.minusSeconds(1))
                .vcs(Vcs.of(null, "other", null)).commits(List.of())
                .deployment(new DeploymentDeclaration(DeploymentDeclaration.Source.EXPLICIT, huge, "production", huge, "old"))
                .build();
        BuildFacts largest = builder.run(new PipelineRun(huge + "#1", huge, "https://" + huge)).finishedAt(END)
                .vcs(new Vcs("https://github.com/" + huge + "/" + huge, huge, huge, RefType.BRANCH, true, huge, huge,
                        huge, huge))
                .commits(commits)
                .deployment(new DeploymentDeclaration(DeploymentDeclaration.Source.EXPLICIT, huge, "production", huge, huge))
                .build();
        history.record(previous);
        history.record(largest);

        BuildEvent event = factory.create(largest, history.before(largest));
        JsonNode doc = event.document();

        assertThat(SchemaValidation.violations(doc)).isEmpty();
        assertThat(doc.at("/dora/changes/lead_time")).hasSize(500);
        assertThat(doc.at("/labels")).hasSize(24);
        assertThat(doc.at("/ci/pipeline/run/parameters")).hasSize(24);
        assertThat(event.sizeInBytes()).isLessThan(LIMIT_BYTES);
    }
}
