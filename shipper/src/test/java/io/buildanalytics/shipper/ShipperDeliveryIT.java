package io.buildanalytics.shipper;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.buildanalytics.localengine.EngineKind;
import io.buildanalytics.localengine.LocalEngine;
import io.buildanalytics.localengine.LocalEngineExtension;
import io.buildanalytics.model.derive.DeploymentRules;
import io.buildanalytics.model.derive.History;
import io.buildanalytics.model.event.BuildEventFactory;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.schema.EventFields;
import io.buildanalytics.model.schema.EventIdentity;
import io.buildanalytics.model.schema.IndexNaming;
import io.buildanalytics.model.schema.IndexTemplate;
import io.buildanalytics.shipper.template.TemplateStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The shipper against real engines: round trip, template, idempotent resends, dead letters for refused events. */
class ShipperDeliveryIT {

    @RegisterExtension
    static final LocalEngineExtension ENGINES = new LocalEngineExtension();

    @TempDir
    Path dataDirectory;

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void deliversEveryEventOnceAndInstallsTheTemplateFirst(EngineKind kind, LocalEngine engine) throws Exception {
        String prefix = "it-roundtrip-" + kind.id();
        EngineDocuments engineSide = EngineDocuments.emptied(engine, IndexNaming.withPrefix(prefix));
        List<BuildFacts> runs = Runs.of("shop/build", 250);

        try (Shipper shipper = Shipper.start(TestShippers.settings(engine, prefix, dataDirectory), HistoryLookup.none())) {
            for (BuildFacts run : runs) {
                assertThat(shipper.accept(run)).isTrue();
            }
            Eventually.until(Duration.ofSeconds(60), () -> shipper.status().sent() == runs.size(),
                    () -> shipper.status().summary());

            ShipperStatus status = shipper.status();
            assertThat(status.queued()).isZero();
            assertThat(status.deadLettered()).isZero();
            assertThat(status.engine().product()).isEqualTo(TestShippers.productOf(kind));
            assertThat(status.engine().version()).isEqualTo(engine.version());
            assertThat(status.template().state()).isEqualTo(TemplateStatus.State.CURRENT);
            assertThat(status.lastSuccess()).isNotNull();
        }

        assertThat(engineSide.template().path("_meta").path("schema_version").asInt())
                .isEqualTo(EventFields.SCHEMA_VERSION);
        List<String> ids = engineSide.ids();
        assertThat(ids).hasSize(runs.size()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(Runs.ids(runs));
        BuildFacts last = runs.get(runs.size() - 1);
        JsonNode document = engineSide.document(prefix + "-2026.03", EventIdentity.pipelineRunId(last));
        assertThat(document.path("cicd").path("pipeline").path("run").path("id").asText()).isEqualTo(last.run().id());
        assertThat(document.path("agent").path("type").asText()).isEqualTo(TestShippers.SENDER.type());
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void sendingTheSameRunsAgainLeavesOneDocumentEach(EngineKind kind, LocalEngine engine) throws Exception {
        String prefix = "it-resend-" + kind.id();
        EngineDocuments engineSide = EngineDocuments.emptied(engine, IndexNaming.withPrefix(prefix));
        List<BuildFacts> runs = Runs.of("shop/resend", 120);

        try (Shipper shipper = Shipper.start(TestShippers.settings(engine, prefix, dataDirectory), HistoryLookup.none())) {
            runs.forEach(shipper::accept);
            Eventually.until(Duration.ofSeconds(60), () -> shipper.status().sent() == runs.size(),
                    () -> shipper.status().summary());
            runs.forEach(shipper::accept);
            Eventually.until(Duration.ofSeconds(60), () -> shipper.status().sent() == 2L * runs.size(),
                    () -> shipper.status().summary());
        }

        assertThat(engineSide.ids()).hasSize(runs.size()).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void aBodyLimitInFrontOfTheEngineSplitsBatchesAndDeadLettersOnlyAnEventTooLargeAlone(EngineKind kind,
            LocalEngine engine) throws Exception {
        String prefix = "it-bodylimit-" + kind.id();
        IndexNaming naming = IndexNaming.withPrefix(prefix);
        EngineDocuments engineSide = EngineDocuments.emptied(engine, naming);
        // The template itself is larger than the proxy's limit: installed directly, as an admin would.
        engine.http().put("/_index_template/" + naming.templateName(), IndexTemplate.build(naming).toString())
                .requireSuccess();
        List<BuildFacts> runs = new java.util.ArrayList<>(Runs.of("shop/bodylimit", 40));
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < 24; i++) {
            parameters.put("PARAMETER_" + i, "v".repeat(128));
        }
        BuildFacts huge = runs.get(20).toBuilder().parameters(parameters).build();
        runs.set(20, huge);
        BuildEventFactory factory = new BuildEventFactory(TestShippers.SENDER, DeploymentRules.explicitOnly(), naming,
                Clock.systemUTC());
        int normal = factory.create(runs.get(0), History.none()).sizeInBytes();
        int limit = normal * 3 + 600;
        assertThat(factory.create(huge, History.none()).sizeInBytes()).as("precondition").isGreaterThan(limit);

        ShipperStatus status;
        try (BodyLimitProxy proxy = new BodyLimitProxy(engine.baseUri(), limit);
             Shipper shipper = Shipper.start(TestShippers.settings(TestShippers.productOf(kind), proxy.uri(), prefix,
                     dataDirectory), HistoryLookup.none())) {
            runs.forEach(shipper::accept);
            Eventually.until(Duration.ofSeconds(60), () -> shipper.status().queued() == 0,
                    () -> shipper.status().summary());
            status = shipper.status();
            assertThat(proxy.refused()).isPositive();
        }

        assertThat(status.sent()).isEqualTo(runs.size() - 1);
        assertThat(status.deadLettered()).isEqualTo(1);
        assertThat(engineSide.ids()).hasSize(runs.size() - 1).doesNotContain(EventIdentity.pipelineRunId(huge));
        assertThat(Files.readAllLines(status.deadLetterFile())).singleElement().asString()
                .contains(EventIdentity.pipelineRunId(huge), "413");
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void aRefusedEventIsDeadLetteredWithTheEnginesReasonWhileTheOthersArrive(EngineKind kind, LocalEngine engine)
            throws Exception {
        String prefix = "it-deadletter-" + kind.id();
        IndexNaming naming = IndexNaming.withPrefix(prefix);
        EngineDocuments engineSide = EngineDocuments.emptied(engine, naming);
        // The month's index already exists with labels.team mapped as a number, as if someone created it by hand:
        // the one run labelled with a team name cannot be indexed, and must not hold up the others.
        engine.http().put("/" + naming.indexFor(Runs.run("x", 1).finishedAt()),
                "{\"mappings\":{\"properties\":{\"labels\":{\"properties\":{\"team\":{\"type\":\"long\"}}}}}}")
                .requireSuccess();
        List<BuildFacts> runs = new java.util.ArrayList<>(Runs.of("shop/conflict", 30));
        Map<String, String> labels = new HashMap<>();
        labels.put("team", "payments");
        BuildFacts refused = runs.get(10).toBuilder().labels(labels).build();
        runs.set(10, refused);

        ShipperStatus status;
        try (Shipper shipper = Shipper.start(TestShippers.settings(engine, prefix, dataDirectory), HistoryLookup.none())) {
            runs.forEach(shipper::accept);
            Eventually.until(Duration.ofSeconds(60),
                    () -> shipper.status().sent() == runs.size() - 1 && shipper.status().deadLettered() == 1,
                    () -> shipper.status().summary());
            status = shipper.status();
        }

        assertThat(status.queued()).isZero();
        assertThat(status.lastError().sentence()).contains(EventIdentity.pipelineRunId(refused), "dead-letters.ndjson");
        assertThat(engineSide.ids()).hasSize(runs.size() - 1).doesNotContain(EventIdentity.pipelineRunId(refused));
        List<String> lines = Files.readAllLines(status.deadLetterFile());
        assertThat(lines).hasSize(1);
        JsonNode letter = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.get(0));
        assertThat(letter.path("id").asText()).isEqualTo(EventIdentity.pipelineRunId(refused));
        assertThat(letter.path("status").asInt()).isEqualTo(400);
        assertThat(letter.path("reason").asText()).contains("team");
        assertThat(letter.path("document").path("labels").path("team").asText()).isEqualTo("payments");
    }
}
