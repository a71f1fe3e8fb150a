package io.buildanalytics.model.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildanalytics.localengine.EngineKind;
import io.buildanalytics.localengine.LocalEngineExtension;
import io.buildanalytics.model.derive.History;
import io.buildanalytics.model.event.BuildEvent;
import io.buildanalytics.model.event.BuildEventFactory;
import io.buildanalytics.model.event.Sender;
import io.buildanalytics.model.derive.DeploymentRules;
import io.buildanalytics.model.Fixtures;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.schema.EventFields;
import io.buildanalytics.model.schema.IndexNaming;
import io.buildanalytics.model.schema.IndexTemplate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The generated template installs on both engines and maps events the way the dashboards need. */
class IndexTemplateIT {

    @RegisterExtension
    static final LocalEngineExtension ENGINES = new LocalEngineExtension();

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void theTemplateInstallsAndCarriesItsSchemaVersion(EngineKind kind) {
        EventIndex index = new EventIndex(ENGINES.get(kind), IndexNaming.defaults());
        index.deleteAll();
        index.installTemplate();

        JsonNode installed = index.http().get("/_index_template/" + IndexNaming.defaults().templateName())
                .requireSuccess().json().at("/index_templates/0/index_template");

        assertThat(installed.path("index_patterns").get(0).asText()).isEqualTo("cicd-events-*");
        assertThat(installed.path("priority").asInt()).isEqualTo(IndexTemplate.PRIORITY);
        assertThat(IndexTemplate.schemaVersionOf((ObjectNode) installed)).isEqualTo(EventFields.SCHEMA_VERSION);
        index.deleteAll();
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void anIndexCreatedByAnEventGetsTheMappingsSettingsAndAlias(EngineKind kind) {
        EventIndex index = new EventIndex(ENGINES.get(kind), IndexNaming.withPrefix("it-template"));
        index.deleteAll();
        index.installTemplate();
        BuildFacts facts = Fixtures.jenkins("shop/deploy-prod", 1, "SUCCESS", Fixtures.T0)
                .vcs(Fixtures.git("abc"))
                .label("release_date", "2024-01-01")
                .label("team", "payments")
                .parameter("TARGET.REGION", "eu")
                .deployment(Fixtures.declared("production", "shop", "1.0"))
                .build();
        BuildEvent event = new BuildEventFactory(new Sender("cli", null), DeploymentRules.explicitOnly(),
                index.naming(), Clock.systemUTC()).create(facts, History.none());
        index.index(List.of(event));

        JsonNode mappings = index.http().get("/" + event.index() + "/_mapping").requireSuccess().json()
                .path(event.index()).path("mappings").path("properties");
        assertThat(typeAt(mappings, "dora.changes.lead_time")).isEqualTo("long");
        assertThat(typeAt(mappings, "event.duration")).isEqualTo("long");
        assertThat(typeAt(mappings, "@timestamp")).isEqualTo("date");
        assertThat(typeAt(mappings, "service.environment")).isEqualTo("alias");
        assertThat(typeAt(mappings, "labels.release_date")).as("no date detection").isEqualTo("keyword");
        assertThat(typeAt(mappings, "labels.team")).isEqualTo("keyword");
        assertThat(typeAt(mappings, "ci.pipeline.run.parameters.TARGET_REGION")).isEqualTo("keyword");
        assertThat(mappings.at("/cicd/properties/pipeline/properties/name/fields/text/type").asText()).isEqualTo("text");

        JsonNode settings = index.http().get("/" + event.index() + "/_settings").requireSuccess().json()
                .path(event.index()).path("settings").path("index");
        assertThat(settings.path("number_of_shards").asText()).isEqualTo("1");
        JsonNode aliases = index.http().get("/" + event.index() + "/_alias").requireSuccess().json()
                .path(event.index()).path("aliases");
        assertThat(aliases.has("it-template")).isTrue();

        String byAlias = "{\"query\":{\"term\":{\"service.environment\":\"production\"}}}";
        JsonNode hits = index.http().post("/it-template/_search", byAlias).requireSuccess().json().path("hits");
        assertThat(hits.at("/total/value").asLong()).as("the ECS alias filters like the field").isEqualTo(1);
        assertThat(Instant.parse(hits.at("/hits/0/_source/@timestamp").asText())).isEqualTo(Fixtures.T0);
        index.deleteAll();
    }

    private static String typeAt(JsonNode properties, String path) {
        JsonNode node = properties;
        String[] segments = path.split("\\.");
        for (int i = 0; i < segments.length; i++) {
            node = node.path(segments[i]);
            if (i < segments.length - 1) {
                node = node.path("properties");
            }
        }
        return node.path("type").asText();
    }
}
