package io.buildanalytics.kibana.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.buildanalytics.kibana.catalog.DashboardCatalog;
import io.buildanalytics.kibana.catalog.Panel;
import io.buildanalytics.kibana.catalog.PanelType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The two importable files: one saved object per line, ids stable and prefixed, no fields that pin a product
 * version, every reference resolvable inside the file, Vega specs exactly the panel files, and the committed
 * copies in {@code kibana/bundles/} current. Run with {@code -Dbuildanalytics.bundles.write=true} to rewrite them
 * after changing a panel.
 */
class BundleBuilderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path COMMITTED = Path.of("bundles");
    private static final boolean WRITE = Boolean.getBoolean("buildanalytics.bundles.write");
    private static final Set<String> VERSION_PINNING = Set.of("migrationVersion", "coreMigrationVersion",
            "typeMigrationVersion", "managed", "updated_at", "version", "namespaces", "originId");
    private static final DashboardCatalog CATALOG = DashboardCatalog.load();

    private static List<JsonNode> objects(Bundle bundle) throws Exception {
        assertThat(bundle.ndjson()).endsWith("\n").doesNotContain("\n\n");
        List<JsonNode> objects = new ArrayList<>();
        for (String line : bundle.ndjson().split("\n")) {
            objects.add(JSON.readTree(line));
        }
        return objects;
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void oneObjectPerLineWithStablePrefixedIdsAndNoVersionPinningFields(Flavor flavor) throws Exception {
        List<JsonNode> objects = objects(BundleBuilder.shipped(flavor));
        Set<String> ids = new HashSet<>();
        for (JsonNode object : objects) {
            assertThat(object.path("id").asText()).startsWith("build-analytics-");
            assertThat(ids.add(object.path("type").asText() + ":" + object.path("id").asText())).isTrue();
            Set<String> keys = new HashSet<>();
            object.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).as(object.path("id").asText()).containsExactlyInAnyOrder("id", "type", "attributes",
                    "references").doesNotContainAnyElementsOf(VERSION_PINNING);
        }
        // 1 data view + every panel once + 6 dashboards.
        assertThat(objects).hasSize(1 + CATALOG.panels().size() + CATALOG.dashboards().size());
        assertThat(objects.get(0).path("type").asText()).isEqualTo("index-pattern");
        assertThat(objects.get(0).at("/attributes/title").asText()).isEqualTo("cicd-events*");
        assertThat(objects.get(0).at("/attributes/timeFieldName").asText()).isEqualTo("@timestamp");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void everyReferenceResolvesInsideTheFileAndDashboardPanelsMatchTheirReferences(Flavor flavor) throws Exception {
        List<JsonNode> objects = objects(BundleBuilder.shipped(flavor));
        Set<String> present = new HashSet<>();
        objects.forEach(o -> present.add(o.path("type").asText() + ":" + o.path("id").asText()));
        for (JsonNode object : objects) {
            Map<String, String> references = new HashMap<>();
            for (JsonNode reference : object.path("references")) {
                assertThat(present).as(object.path("id").asText())
                        .contains(reference.path("type").asText() + ":" + reference.path("id").asText());
                references.put(reference.path("name").asText(), reference.path("id").asText());
            }
            if (object.path("type").asText().equals("dashboard")) {
                JsonNode panels = JSON.readTree(object.at("/attributes/panelsJSON").asText());
                assertThat(panels.size()).isEqualTo(references.size());
                for (JsonNode panel : panels) {
                    assertThat(references).containsKey(panel.path("panelRefName").asText());
                    assertThat(panel.at("/gridData/i").asText()).isEqualTo(panel.path("panelIndex").asText());
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void vegaVisualizationsCarryThePanelSpecUnchanged(Flavor flavor) throws Exception {
        Map<String, JsonNode> byId = new HashMap<>();
        objects(BundleBuilder.shipped(flavor)).forEach(o -> byId.put(o.path("id").asText(), o));
        for (Panel panel : CATALOG.panels()) {
            JsonNode object = byId.get("build-analytics-" + panel.id());
            assertThat(object).as(panel.id()).isNotNull();
            if (panel.type() == PanelType.VEGA) {
                JsonNode visState = JSON.readTree(object.at("/attributes/visState").asText());
                assertThat(visState.path("type").asText()).isEqualTo("vega");
                assertThat(JSON.readTree(visState.at("/params/spec").asText())).isEqualTo(panel.vegaLiteSpec());
                assertThat(object.path("references")).isEmpty();
            } else if (panel.type() == PanelType.SEARCH) {
                assertThat(object.path("type").asText()).isEqualTo("search");
                assertThat(object.at("/references/0/id").asText()).isEqualTo("build-analytics-events");
            }
        }
    }

    @Test
    void theFlavoursDifferOnlyWhereTheProductsDo() throws Exception {
        List<JsonNode> kibana = objects(BundleBuilder.shipped(Flavor.KIBANA));
        List<JsonNode> openSearch = objects(BundleBuilder.shipped(Flavor.OPENSEARCH_DASHBOARDS));
        assertThat(kibana).hasSameSizeAs(openSearch);
        List<String> differing = new ArrayList<>();
        for (int i = 0; i < kibana.size(); i++) {
            if (!kibana.get(i).equals(openSearch.get(i))) {
                differing.add(kibana.get(i).path("type").asText());
            }
        }
        assertThat(differing).containsOnly("index-pattern", "dashboard");
        assertThat(kibana.get(0).at("/attributes/name").asText()).isEqualTo("Build Analytics events");
        assertThat(openSearch.get(0).at("/attributes").has("name")).isFalse();
        assertThat(openSearch.get(0).at("/attributes/fieldFormatMap").asText()).contains("\"humanize\"")
                .doesNotContain("humanizePrecise");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void theCommittedBundlesAreCurrent(Flavor flavor) throws Exception {
        Bundle bundle = BundleBuilder.shipped(flavor);
        Path file = COMMITTED.resolve(bundle.fileName());
        if (WRITE) {
            Files.createDirectories(COMMITTED);
            Files.writeString(file, bundle.ndjson(), StandardCharsets.UTF_8);
        }
        assertThat(file).as("kibana/bundles/%s is generated; run BundleBuilderTest with "
                + "-Dbuildanalytics.bundles.write=true", bundle.fileName()).exists();
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .as("kibana/bundles/%s is out of date; run BundleBuilderTest with -Dbuildanalytics.bundles.write=true",
                        bundle.fileName())
                .isEqualTo(bundle.ndjson());
    }
}
