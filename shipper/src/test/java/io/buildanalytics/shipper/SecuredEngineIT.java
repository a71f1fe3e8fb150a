package io.buildanalytics.shipper;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildanalytics.localengine.EngineKind;
import io.buildanalytics.localengine.EngineOptions;
import io.buildanalytics.localengine.LocalEngine;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.schema.IndexNaming;
import io.buildanalytics.model.schema.IndexTemplate;
import io.buildanalytics.shipper.backend.Backends;
import io.buildanalytics.shipper.check.ConnectionTest;
import io.buildanalytics.shipper.check.ConnectionVerdict;
import io.buildanalytics.shipper.connection.Auth;
import io.buildanalytics.shipper.connection.EngineConnection;
import io.buildanalytics.shipper.connection.EngineProduct;
import io.buildanalytics.shipper.connection.SecretText;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials and privileges on an Elasticsearch that checks them: the verdicts a person reads, and delivery as a
 * least-privileged user. (API keys cannot be created on the integ-test distribution; their header is checked in
 * the backend's unit tests.)
 */
class SecuredEngineIT {

    private static final String PREFIX = "it-secured";
    private static final String WRITER_PASSWORD = "writer-secret-5519";
    private static final String READER_PASSWORD = "reader-secret-7731";
    private static final String SHIPPER_PASSWORD = "shipper-secret-2208";
    private static final String LEAST_PREFIX = "it-leastpriv";
    private static LocalEngine engine;

    @TempDir
    Path dataDirectory;

    @BeforeAll
    static void startSecuredEngine() {
        engine = LocalEngine.start(EngineKind.ELASTICSEARCH, EngineOptions.defaults()
                .withRole("events_writer", "{\"cluster\":[\"manage_index_templates\",\"monitor\"],"
                        + "\"indices\":[{\"names\":[\"" + PREFIX + "-*\"],\"privileges\":[\"index\",\"create_index\"]}]}")
                .withRole("events_reader", "{\"indices\":[{\"names\":[\"" + PREFIX + "-*\"],\"privileges\":[\"read\"]}]}")
                .withRole("events_shipper", "{\"indices\":[{\"names\":[\"" + LEAST_PREFIX + "-*\"],"
                        + "\"privileges\":[\"index\",\"create_index\"]}]}")
                .withUser("writer", WRITER_PASSWORD, "events_writer")
                .withUser("shipper", SHIPPER_PASSWORD, "events_shipper")
                .withUser("reader", READER_PASSWORD, "events_reader"));
    }

    @AfterAll
    static void stopEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void aWrongPasswordNamesTheUserTriedAndNeverTheSecret() {
        ConnectionVerdict verdict = test(new Auth.Basic("writer", SecretText.of("not-the-password-0000")));

        assertThat(verdict.level()).isEqualTo(ConnectionVerdict.Level.FAILED);
        assertThat(verdict.describe()).contains("401", "basic auth as user 'writer'")
                .doesNotContain("not-the-password-0000", WRITER_PASSWORD);
    }

    @Test
    void aUserWithoutWritePrivilegesIsToldWhichOnesAreMissing() {
        ConnectionVerdict verdict = test(new Auth.Basic("reader", SecretText.of(READER_PASSWORD)));

        assertThat(verdict.level()).isEqualTo(ConnectionVerdict.Level.FAILED);
        assertThat(verdict.headline()).contains("'reader'", "cannot write", PREFIX + "-*")
                .doesNotContain(READER_PASSWORD);
    }

    @Test
    void aUserWhoCanOnlyWriteEventsIsWarnedAndDeliversOnceAnAdminInstalledTheTemplate() throws Exception {
        IndexNaming naming = IndexNaming.withPrefix(LEAST_PREFIX);
        Auth shipperUser = new Auth.Basic("shipper", SecretText.of(SHIPPER_PASSWORD));
        engine.http().put("/_index_template/" + naming.templateName(), IndexTemplate.build(naming).toString())
                .requireSuccess();

        ConnectionVerdict verdict = ConnectionTest.run(EngineConnection.to(EngineProduct.ELASTICSEARCH,
                engine.baseUri()).withAuth(shipperUser), naming, Backends::open);

        assertThat(verdict.level()).as(verdict.describe()).isEqualTo(ConnectionVerdict.Level.WARNING);
        assertThat(verdict.headline()).contains("'shipper'", "manage_index_templates");

        List<BuildFacts> runs = Runs.of("shop/least", 20);
        ShipperSettings settings = TestShippers.settings(engine, LEAST_PREFIX, dataDirectory);
        try (Shipper shipper = Shipper.start(settings.withConnection(settings.connection().withAuth(shipperUser)),
                HistoryLookup.none())) {
            runs.forEach(shipper::accept);
            Eventually.until(Duration.ofSeconds(60), () -> shipper.status().sent() == runs.size(),
                    () -> shipper.status().summary());
        }
        assertThat(new EngineDocuments(engine, naming).ids()).containsExactlyInAnyOrderElementsOf(Runs.ids(runs));
    }

    @Test
    void theRightUserPassesAndIsNamed() {
        ConnectionVerdict verdict = test(new Auth.Basic("writer", SecretText.of(WRITER_PASSWORD)));

        assertThat(verdict.level()).as(verdict.describe()).isEqualTo(ConnectionVerdict.Level.OK);
        assertThat(verdict.details()).anyMatch(line -> line.contains("Authenticated as 'writer'"));
    }

    @Test
    void aBearerTokenAuthenticates() {
        String token = engine.http().post("/_security/oauth2/token", "{\"grant_type\":\"password\","
                        + "\"username\":\"writer\",\"password\":\"" + WRITER_PASSWORD + "\"}")
                .requireSuccess().json().path("access_token").asText();

        ConnectionVerdict verdict = test(new Auth.Bearer(SecretText.of(token)));

        assertThat(verdict.level()).as(verdict.describe()).isEqualTo(ConnectionVerdict.Level.OK);
        assertThat(verdict.describe()).doesNotContain(token);
    }

    @Test
    void deliversAsTheLeastPrivilegedUserAndReportsRefusedCredentials() throws Exception {
        List<BuildFacts> runs = Runs.of("shop/secured", 40);
        ShipperSettings settings = TestShippers.settings(engine, PREFIX, dataDirectory);
        EngineConnection writer = settings.connection().withAuth(new Auth.Basic("writer", SecretText.of(WRITER_PASSWORD)));
        EngineConnection wrong = settings.connection().withAuth(new Auth.Basic("writer", SecretText.of("wrong-0000")));

        try (Shipper shipper = Shipper.start(settings.withConnection(wrong), HistoryLookup.none())) {
            runs.forEach(shipper::accept);
            Eventually.until(Duration.ofSeconds(30), () -> shipper.status().failing(), () -> shipper.status().summary());
            assertThat(shipper.status().lastError().sentence()).contains("401", "writer").doesNotContain("wrong-0000");
            assertThat(shipper.status().queued()).isEqualTo(runs.size());

            shipper.reconfigure(settings.withConnection(writer));
            Eventually.until(Duration.ofSeconds(60), () -> shipper.status().sent() == runs.size(),
                    () -> shipper.status().summary());
        }
        assertThat(new EngineDocuments(engine, IndexNaming.withPrefix(PREFIX)).ids())
                .containsExactlyInAnyOrderElementsOf(Runs.ids(runs));
    }

    private static ConnectionVerdict test(Auth auth) {
        EngineConnection connection = EngineConnection.to(EngineProduct.ELASTICSEARCH, engine.baseUri()).withAuth(auth);
        return ConnectionTest.run(connection, IndexNaming.withPrefix(PREFIX), Backends::open);
    }
}
