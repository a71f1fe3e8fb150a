package io.buildanalytics.model.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.buildanalytics.model.Fixtures;
import io.buildanalytics.model.derive.DeploymentRules;
import io.buildanalytics.model.derive.History;
import io.buildanalytics.model.derive.InMemoryHistory;
import io.buildanalytics.model.derive.NamePatternRule;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.facts.Commit;
import io.buildanalytics.model.facts.DeploymentDeclaration;
import io.buildanalytics.model.facts.RefType;
import io.buildanalytics.model.facts.ResultHint;
import io.buildanalytics.model.facts.TestCounts;
import io.buildanalytics.model.facts.Trigger;
import io.buildanalytics.model.facts.TriggerType;
import io.buildanalytics.model.facts.Vcs;
import io.buildanalytics.model.facts.Worker;
import io.buildanalytics.model.schema.IndexNaming;
import io.buildanalytics.model.schema.SchemaValidation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventDocumentTest {

    static final Instant CREATED = Instant.parse("2026-03-31T23:59:59.999Z");
    static final Instant END = Instant.parse("2026-03-31T23:30:00.123456Z");

    private final BuildEventFactory factory = factory(Clock.fixed(CREATED, ZoneOffset.UTC));

    static BuildEventFactory factory(Clock clock) {
        return new BuildEventFactory(new Sender("jenkins-plugin", "0.1.0"),
                DeploymentRules.of(List.of(NamePatternRule.of("deploy-(?<environment>prod|staging)", null, null))),
                IndexNaming.defaults(), clock);
    }

    static BuildFacts richJenkinsRun() {
        return Fixtures.jenkins("shop/checkout/main", 42, "UNSTABLE", END)
                .statusText("Some tests failed")
                .worker(new Worker("linux-agent-3", null))
                .vcs(new Vcs("https://ci-bot:s3cr3t@github.com/example/checkout.git", "0a1b2c", "main",
                        RefType.BRANCH, true, null, null, null, null))
                .commits(List.of(new Commit("0a1b2c", END.minus(Duration.ofHours(2))),
                        new Commit("9f8e7d", END.minus(Duration.ofHours(3)))))
                .tests(TestCounts.of(120, 3, 7))
                .parameter("TARGET.REGION", "eu-west-1")
                .parameter("RELEASE_NOTES", "line one\nline two\u0000")
                .label("team", "payments")
                .trigger(new Trigger(TriggerType.USER, "alice", "Started by user Alice"))
                .build();
    }

    private JsonNode document(BuildFacts facts) {
        BuildEvent event = factory.create(facts, History.none());
        JsonNode doc = event.document();
        assertThat(SchemaValidation.violations(doc)).isEmpty();
        return doc;
    }

    @Test
    void aJenkinsRunBecomesOneEventWithTheFieldsDashboardsUse() {
        BuildFacts facts = richJenkinsRun();
        BuildEvent event = factory.create(facts, History.none());
        JsonNode doc = event.document();

        assertThat(SchemaValidation.violations(doc)).isEmpty();
        assertThat(event.index()).isEqualTo("cicd-events-2026.03");
        assertThat(event.id()).isEqualTo(doc.at("/event/id").asText()).hasSize(64);
        assertThat(doc.at("/@timestamp").asText()).isEqualTo("2026-03-31T23:30:00.123Z");
        assertThat(doc.at("/event/created").asText()).isEqualTo("2026-03-31T23:59:59.999Z");
        assertThat(doc.at("/event/provider").asText()).isEqualTo("jenkins");
        assertThat(doc.at("/event/outcome").asText()).isEqualTo("failure");
        assertThat(doc.at("/event/duration").asLong()).isEqualTo(Duration.ofMinutes(5).toNanos());
        assertThat(doc.at("/ci/pipeline/run/queue/duration").asLong()).isEqualTo(Duration.ofMinutes(1).toNanos());
        assertThat(doc.at("/cicd/pipeline/result").asText()).isEqualTo("failure");
        assertThat(doc.at("/ci/pipeline/run/original_result").asText()).isEqualTo("UNSTABLE");
        assertThat(doc.at("/error/type").asText()).isEqualTo("test_failure");
        assertThat(doc.at("/cicd/pipeline/name").asText()).isEqualTo("shop » checkout » main");
        assertThat(doc.at("/ci/pipeline/id").asText()).isEqualTo("shop/checkout/main");
        assertThat(doc.at("/ci/pipeline/project").asText()).isEqualTo("shop/checkout");
        assertThat(doc.at("/cicd/pipeline/run/id").asText()).isEqualTo("shop/checkout/main#42");
        assertThat(doc.at("/cicd/worker/name").asText()).isEqualTo("linux-agent-3");
        assertThat(doc.at("/ci/pipeline/run/trigger/type").asText()).isEqualTo("user");
        assertThat(doc.at("/user/name").asText()).isEqualTo("alice");
        assertThat(doc.at("/ci/tests/total").asLong()).isEqualTo(130);
        assertThat(doc.at("/ci/tests/failed").asLong()).isEqualTo(3);
        assertThat(doc.at("/vcs/repository/url/full").asText()).isEqualTo("https://github.com/example/checkout");
        assertThat(doc.at("/vcs/provider/name").asText()).isEqualTo("github");
        assertThat(doc.at("/vcs/owner/name").asText()).isEqualTo("example");
        assertThat(doc.at("/vcs/repository/name").asText()).isEqualTo("checkout");
        assertThat(doc.at("/vcs/ref/head/revision").asText()).isEqualTo("0a1b2c");
        assertThat(doc.at("/ci/pipeline/run/is_default_branch").asBoolean()).isTrue();
        assertThat(doc.at("/ci/changes/count").asLong()).isEqualTo(2);
        assertThat(doc.at("/ci/changes/revisions/1").asText()).isEqualTo("9f8e7d");
        assertThat(doc.at("/ci/pipeline/run/parameters/TARGET_REGION").asText()).isEqualTo("eu-west-1");
        assertThat(doc.at("/ci/pipeline/run/parameters/RELEASE_NOTES").asText()).isEqualTo("line one line two");
        assertThat(doc.at("/labels/team").asText()).isEqualTo("payments");
        assertThat(doc.at("/dora/is_deployment").asBoolean()).isFalse();
        assertThat(doc.at("/dora/is_production").asBoolean()).isFalse();
        assertThat(doc.at("/service/name").isMissingNode()).isTrue();
        assertThat(event.json()).doesNotContain("s3cr3t").doesNotContain("ci-bot");
    }

    @Test
    void aTeamCityBuildHasTheSameShape() {
        BuildFacts cancelled = Fixtures.teamcity("Shop_DeployProd", 9001, "UNKNOWN", END)
                .result("UNKNOWN", ResultHint.CANCELED)
                .statusText("Canceled")
                .worker(new Worker("agent-7", "17"))
                .composite(true)
                .deployment(new DeploymentDeclaration(DeploymentDeclaration.Source.EXPLICIT,
                        "teamcity-deployment-type", "Production", "shop", null))
                .build();

        JsonNode doc = document(cancelled);
        assertThat(doc.at("/event/provider").asText()).isEqualTo("teamcity");
        assertThat(doc.at("/observer/product").asText()).isEqualTo("TeamCity");
        assertThat(doc.at("/cicd/pipeline/result").asText()).isEqualTo("cancellation");
        assertThat(doc.at("/event/outcome").asText()).isEqualTo("unknown");
        assertThat(doc.at("/error/type").isMissingNode()).isTrue();
        assertThat(doc.at("/ci/pipeline/run/is_composite").asBoolean()).isTrue();
        assertThat(doc.at("/cicd/worker/id").asText()).isEqualTo("17");
        assertThat(doc.at("/cicd/pipeline/run/id").asText()).isEqualTo("9001");
        assertThat(doc.at("/ci/pipeline/run/number").asText()).isEqualTo("1.9001");
        assertThat(doc.at("/dora/is_deployment").asBoolean()).as("declared, but cancelled: an attempt").isTrue();
        assertThat(doc.at("/deployment/status").isMissingNode()).isTrue();
        assertThat(doc.at("/deployment/environment/name").asText()).isEqualTo("production");
    }

    @Test
    void theEventIdFollowsTheDocumentedFormulaAndIgnoresEverythingElse() throws Exception {
        BuildFacts facts = richJenkinsRun();
        String key = "16:5f2c3c0e9b1d4e8f;18:shop/checkout/main;21:shop/checkout/main#42;12:pipeline_run;";
        String expected = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));

        BuildEvent first = factory.create(facts, History.none());
        BuildEvent later = factory(Clock.fixed(CREATED.plusSeconds(86_400 * 40), ZoneOffset.UTC))
                .create(facts.toBuilder().result("SUCCESS").build(), History.none());

        assertThat(first.id()).isEqualTo(expected);
        assertThat(later.id()).isEqualTo(first.id());
        assertThat(later.index()).isEqualTo(first.index());
        assertThat(factory.create(facts, History.none()).json()).isEqualTo(first.json());
    }

    @Test
    void aSuccessfulProductionDeploymentCarriesItsLeadTimes() {
        InMemoryHistory history = new InMemoryHistory();
        BuildFacts previous = Fixtures.jenkins("shop/deploy-prod", 1, "SUCCESS", END.minus(Duration.ofDays(1)))
                .vcs(Fixtures.git("v1")).build();
        BuildFacts current = Fixtures.jenkins("shop/deploy-prod", 2, "SUCCESS", END)
                .vcs(Fixtures.git("v2")).commits(Fixtures.commits("c", 3, END)).build();
        history.record(previous);
        history.record(current);

        BuildEvent event = factory.create(current, history.before(current));
        JsonNode doc = event.document();

        assertThat(SchemaValidation.violations(doc)).isEmpty();
        assertThat(doc.at("/dora/is_deployment").asBoolean()).isTrue();
        assertThat(doc.at("/dora/is_production").asBoolean()).isTrue();
        assertThat(doc.at("/dora/deployment/detection").asText()).isEqualTo("pipeline_pattern");
        assertThat(doc.at("/deployment/id").asText()).isEqualTo(event.id());
        assertThat(doc.at("/deployment/status").asText()).isEqualTo("succeeded");
        assertThat(doc.at("/service/name").asText()).isEqualTo("shop");
        assertThat(doc.at("/dora/deployment/previous/revision").asText()).isEqualTo("v1");
        assertThat(doc.at("/dora/deployment/is_rollback").asBoolean()).isFalse();
        assertThat(doc.at("/dora/changes/count").asLong()).isEqualTo(3);
        List<Long> leadTimes = new ArrayList<>();
        doc.at("/dora/changes/lead_time").forEach(value -> leadTimes.add(value.asLong()));
        assertThat(leadTimes).containsExactly(Duration.ofHours(1).toNanos(), Duration.ofHours(2).toNanos(),
                Duration.ofHours(3).toNanos());
        assertThat(doc.at("/dora/changes/lead_time_sampled").asBoolean()).isFalse();
        assertThat(doc.at("/dora/changes/first_committed_at").asText()).isEqualTo("2026-03-31T20:30:00.123Z");
    }
}
