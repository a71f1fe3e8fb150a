package io.buildanalytics.model.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.buildanalytics.localengine.EngineKind;
import io.buildanalytics.localengine.LocalEngineExtension;
import io.buildanalytics.model.Fixtures;
import io.buildanalytics.model.derive.DeploymentRules;
import io.buildanalytics.model.derive.NamePatternRule;
import io.buildanalytics.model.event.BuildEvent;
import io.buildanalytics.model.event.BuildEventFactory;
import io.buildanalytics.model.event.Sender;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.facts.Commit;
import io.buildanalytics.model.facts.DeploymentDeclaration;
import io.buildanalytics.model.facts.RefType;
import io.buildanalytics.model.facts.ResultHint;
import io.buildanalytics.model.facts.TestCounts;
import io.buildanalytics.model.facts.Vcs;
import io.buildanalytics.model.facts.Worker;
import io.buildanalytics.model.schema.IndexNaming;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Events from Jenkins-like and TeamCity-like facts, the odd ones included, index without a mapping error. */
class EventIndexingIT {

    @RegisterExtension
    static final LocalEngineExtension ENGINES = new LocalEngineExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant END = Instant.parse("2026-04-30T23:59:00Z");

    /** Every shape the adapters will produce, recorded in order into one history. */
    private static List<BuildEvent> events(IndexNaming naming) {
        BuildEventFactory factory = new BuildEventFactory(new Sender("jenkins-plugin", "0.1.0"),
                DeploymentRules.of(List.of(NamePatternRule.of("deploy-(?<environment>prod|staging)", null, null))),
                naming, Clock.systemUTC());
        List<BuildFacts> runs = new ArrayList<>();
        runs.add(Fixtures.jenkins("shop/deploy-prod", 1, "SUCCESS", END.minus(Duration.ofDays(40)))
                .vcs(Fixtures.git("v1")).build());
        runs.add(Fixtures.jenkins("shop/checkout/PR-7", 3, "UNSTABLE", END.minus(Duration.ofDays(2)))
                .vcs(new Vcs("https://github.com/example/shop.git", "abc", "PR-7", RefType.BRANCH, false, "main",
                        "def", "7", "Fix checkout"))
                .tests(TestCounts.of(10, 2, 1)).worker(new Worker("agent-1", null)).build());
        runs.add(Fixtures.jenkins("shop/build", 9, "ABORTED", END.minus(Duration.ofDays(1)))
                .result("ABORTED", ResultHint.TIMEOUT).build());
        runs.add(Fixtures.jenkins("shop/build", 10, "NOT_BUILT", END.minus(Duration.ofHours(20))).build());
        runs.add(Fixtures.jenkins("folder/" + "x".repeat(10_000), 1, "SUCCESS", END.minus(Duration.ofHours(12)))
                .build());
        List<Commit> many = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            many.add(new Commit(String.format("%040x", i), END.minus(Duration.ofMinutes(i + 1L))));
        }
        runs.add(Fixtures.jenkins("shop/deploy-prod", 2, "SUCCESS", END).vcs(Fixtures.git("v2")).commits(many)
                .build());
        runs.add(Fixtures.teamcity("Shop_Build", 100, "NORMAL", END.minus(Duration.ofDays(3)))
                .statusText("Tests passed: 120").tests(TestCounts.of(120, 0, 0)).build());
        runs.add(Fixtures.teamcity("Shop_Build", 101, "FAILURE", END.minus(Duration.ofDays(2)))
                .statusText("Compilation error").build());
        runs.add(Fixtures.teamcity("Shop_Build", 102, "UNKNOWN", END.minus(Duration.ofDays(1)))
                .result("UNKNOWN", ResultHint.CANCELED).build());
        runs.add(Fixtures.teamcity("Shop_Release", 103, "NORMAL", END.minus(Duration.ofHours(1)))
                .personal(true).build());
        runs.add(Fixtures.teamcity("Cart_Deploy", 104, "NORMAL", END.minus(Duration.ofHours(2)))
                .deployment(new DeploymentDeclaration(DeploymentDeclaration.Source.EXPLICIT,
                        "teamcity-deployment-type", "Production", "cart", "1.4.0"))
                .composite(true).label("team", "carts").build());

        return Fixtures.events(factory, runs);
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void everyEventShapeIndexesAndReadsBackUnchanged(EngineKind kind) throws Exception {
        EventIndex index = new EventIndex(ENGINES.get(kind), IndexNaming.withPrefix("it-indexing"));
        index.deleteAll();
        index.installTemplate();
        List<BuildEvent> events = events(index.naming());

        index.index(events);

        assertThat(index.count()).isEqualTo(events.size());
        for (BuildEvent event : events) {
            JsonNode stored = index.http().get("/" + event.index() + "/_doc/" + event.id()).requireSuccess().json();
            assertThat(stored.path("_source")).isEqualTo(JSON.readTree(event.json()));
        }
        assertThat(events).extracting(BuildEvent::index).contains("it-indexing-2026.03", "it-indexing-2026.04");
        index.deleteAll();
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void sendingTheSameEventsAgainLeavesOneDocumentPerRun(EngineKind kind) {
        EventIndex index = new EventIndex(ENGINES.get(kind), IndexNaming.withPrefix("it-resend"));
        index.deleteAll();
        index.installTemplate();

        index.index(events(index.naming()));
        JsonNode second = index.index(events(index.naming()));

        assertThat(index.count()).isEqualTo(events(index.naming()).size());
        for (JsonNode item : second.path("items")) {
            assertThat(item.at("/index/result").asText()).isEqualTo("updated");
            assertThat(item.at("/index/_version").asLong()).isEqualTo(2);
        }
        index.deleteAll();
    }
}
