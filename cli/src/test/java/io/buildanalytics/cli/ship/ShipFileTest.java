package io.buildanalytics.cli.ship;

import static io.buildanalytics.cli.ship.ShipFlagsTest.field;
import static io.buildanalytics.cli.ship.ShipFlagsTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.buildanalytics.cli.ExitCode;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.schema.EventIdentity;
import io.buildanalytics.shipper.FactsJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --file}: the documented JSON example becomes the right event; broken files are refused in one line. */
class ShipFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    /** The example the documentation shows, kept here so that it is known to work. */
    static String example() {
        try (InputStream in = ShipFileTest.class.getResourceAsStream("build.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path write(String json) throws IOException {
        return Files.writeString(directory.resolve("build.json"), json);
    }

    private static void assertInvalid(Ship.Run run, String... parts) {
        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_EVENT);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).singleElement().asString().startsWith("build-analytics: --file ").contains(parts);
    }

    @Test
    void theDocumentedExampleBecomesTheEventItDescribes() throws Exception {
        Ship.Run run = Ship.run("--dry-run", "--file", write(example()).toString(), "--index-prefix", "ship-file");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        JsonNode shipped = JSON.readTree(run.out());
        JsonNode source = shipped.path("_source");

        assertThat(shipped.path("_index").asText()).isEqualTo("ship-file-2026.03");
        assertThat(shipped.path("_id").asText()).isEqualTo(
                EventIdentity.eventId("github.com/acme", "acme/shop/deploy.yml", "8812345678", "pipeline_run"));
        assertThat(text(source, "event.provider")).isEqualTo("github-actions");
        assertThat(text(source, "observer.name")).isEqualTo("github-acme");
        assertThat(text(source, "agent.type")).isEqualTo("cli");
        assertThat(text(source, "cicd.pipeline.name")).isEqualTo("shop » deploy");
        assertThat(text(source, "ci.pipeline.run.number")).isEqualTo("311");
        assertThat(text(source, "cicd.pipeline.result")).isEqualTo("success");
        assertThat(text(source, "ci.pipeline.run.trigger.type")).isEqualTo("scm");
        assertThat(text(source, "vcs.repository.url.full")).isEqualTo("https://github.com/acme/shop");
        assertThat(field(source, "ci.pipeline.run.is_default_branch").asBoolean()).isTrue();
        assertThat(field(source, "ci.changes.count").asLong()).isEqualTo(2);
        assertThat(field(source, "ci.tests.passed").asLong()).isEqualTo(211);
        assertThat(text(source, "deployment.environment.name")).isEqualTo("production");
        assertThat(text(source, "service.version")).isEqualTo("1.4.2");
        assertThat(text(source, "dora.deployment.rule")).isEqualTo("github-environment");
        assertThat(source.path("labels").path("team").asText()).isEqualTo("payments");
    }

    @Test
    void standardInputIsReadForADash() throws Exception {
        Ship.Run run = Ship.withStdin(example(), "--dry-run", "--file", "-");
        assertThat(run.exitCode()).isZero();
        assertThat(text(JSON.readTree(run.out()).path("_source"), "observer.name")).isEqualTo("github-acme");
    }

    @Test
    void whatTheShipperSpoolsIsAcceptedAsAFile() throws Exception {
        BuildFacts facts = FactsJson.read(example().getBytes(StandardCharsets.UTF_8));
        Path file = Files.write(directory.resolve("spooled.json"), FactsJson.write(facts));

        Ship.Run run = Ship.run("--dry-run", "--file", file.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(JSON.readTree(run.out()).path("_id").asText()).isEqualTo(EventIdentity.pipelineRunId(facts));
    }

    @Test
    void credentialsInUrlsAreRemoved() throws Exception {
        String json = example().replace("https://github.com/acme/shop.git",
                "https://x-access-token:ghs_s3cr3t@github.com/acme/shop.git");
        Ship.Run run = Ship.run("--dry-run", "--file", write(json).toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).doesNotContain("ghs_s3cr3t").contains("https://github.com/acme/shop");
    }

    @Test
    void brokenJsonIsRefusedWithItsPosition() throws Exception {
        assertInvalid(Ship.run("--dry-run", "--file", write("{\n  \"server\": {\n").toString()),
                "Not valid build facts: Unexpected end-of-input", "(line 3");
    }

    @Test
    void anUnknownFieldIsRefusedByName() throws Exception {
        String json = example().replace("\"statusText\"", "\"finished\": \"2026-03-02T09:06:10Z\", \"statusText\"");
        assertInvalid(Ship.run("--dry-run", "--file", write(json).toString()), "Unrecognized field \"finished\"");
    }

    @Test
    void aMissingPartIsRefusedByName() throws Exception {
        String json = "{\"server\": {\"provider\": \"GENERIC\", \"id\": \"a\", \"name\": \"a\"}}";
        assertInvalid(Ship.run("--dry-run", "--file", write(json).toString()),
                "BuildFacts.pipeline must not be null");
    }

    @Test
    void anUnknownResultWordIsRefused() throws Exception {
        String json = example().replace("\"raw\": \"success\"", "\"raw\": \"greenish\"");
        assertInvalid(Ship.run("--dry-run", "--file", write(json).toString()), "Unknown result 'greenish'");
    }

    @Test
    void aFinishBeforeTheStartIsRefused() throws Exception {
        String json = example().replace("\"finishedAt\": \"2026-03-02T09:06:10Z\"",
                "\"finishedAt\": \"2026-03-02T08:00:00Z\"");
        assertInvalid(Ship.run("--dry-run", "--file", write(json).toString()),
                "finishedAt (2026-03-02T08:00:00Z) is before startedAt (2026-03-02T09:00:00Z)");
    }

    @Test
    void emptyInputIsRefused() {
        assertInvalid(Ship.withStdin(" \n", "--dry-run", "--file", "-"),
                "--file - (standard input): empty, expected the build as a JSON object");
    }

    @Test
    void aMissingFileIsAUsageError() {
        Ship.Run run = Ship.run("--dry-run", "--file", directory.resolve("nope.json").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines().get(0)).contains("nope.json: cannot read it");
    }
}
