package io.buildanalytics.teamcity.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.buildanalytics.checks.SilentEngine;
import io.buildanalytics.teamcity.HandMadeTeamCity.TestServer;
import io.buildanalytics.teamcity.HandMadeTeamCity.TestUser;
import io.buildanalytics.teamcity.runtime.TeamCityRuntime;
import io.buildanalytics.teamcity.runtime.TestRuntimes;
import io.buildanalytics.teamcity.settings.SettingsStore;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The admin page's controller and page, driven with servlet stand-ins and a hand-made signed-in user. */
class SettingsControllerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TestUser ADMIN = new TestUser("root", true);
    private static final TestUser DEVELOPER = new TestUser("dev", false);

    @TempDir
    Path directory;

    private TeamCityRuntime runtime;
    private SettingsController controller;
    private final HandMadeWeb.Controllers controllers = new HandMadeWeb.Controllers();

    @BeforeEach
    void start() {
        runtime = TestRuntimes.started(new TestServer(), directory);
        controller = new SettingsController(controllers, runtime);
    }

    @AfterEach
    void stop() {
        runtime.destroy();
    }

    private MockHttpServletResponse call(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        controller.handleRequest(request, response);
        return response;
    }

    private static JsonNode json(MockHttpServletResponse response) throws Exception {
        return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void onlyUsersWhoMayChangeServerSettingsGetAnAnswerAndChangesArePostOnly() throws Exception {
        MockHttpServletResponse anonymous = call(HandMadeWeb.request("POST", null, "action", "save"));
        MockHttpServletResponse developer = call(HandMadeWeb.request("POST", DEVELOPER, "action", "save",
                "urls", "https://es.example.com:9200"));
        MockHttpServletResponse get = call(HandMadeWeb.request("GET", ADMIN, "action", "save",
                "urls", "https://es.example.com:9200"));
        MockHttpServletResponse status = call(HandMadeWeb.request("GET", ADMIN, "action", "status"));

        assertThat(anonymous.getStatus()).isEqualTo(403);
        assertThat(developer.getStatus()).isEqualTo(403);
        assertThat(json(developer).path("status").isMissingNode()).isFalse();
        assertThat(get.getStatus()).isEqualTo(405);
        assertThat(get.getHeader("Allow")).isEqualTo("POST");
        assertThat(status.getStatus()).isEqualTo(200);
        assertThat(json(status).path("status").get(0).asText()).startsWith("Not configured yet");
        assertThat(Files.exists(directory.resolve("config").resolve(SettingsStore.FILE_NAME))).isFalse();
        assertThat(controllers.byPath).containsKey(SettingsController.PATH);
    }

    @Test
    void aBadValueIsAFieldMessageAndAFieldIsCheckedAsTyped() throws Exception {
        JsonNode save = json(call(HandMadeWeb.request("POST", ADMIN, "action", "save", "enabled", "true",
                "urls", "https://es.example.com:9200", "labels", "team.name=payments")));
        JsonNode check = json(call(HandMadeWeb.request("POST", ADMIN, "action", "check", "field", "urls",
                "value", "es.example.com")));
        JsonNode fine = json(call(HandMadeWeb.request("POST", ADMIN, "action", "check", "field", "indexPrefix",
                "value", "ci-events")));

        assertThat(save.path("ok").asBoolean()).isFalse();
        assertThat(save.path("field").asText()).isEqualTo("labels");
        assertThat(save.path("message").asText()).contains("team.name");
        assertThat(check.path("ok").asBoolean()).isFalse();
        assertThat(check.path("field").asText()).isEqualTo("urls");
        assertThat(fine.path("ok").asBoolean()).isTrue();
    }

    @Test
    void savingRecordsAtOnceKeepsTheSecretScrambledAndNeverSendsItBack() throws Exception {
        try (SilentEngine engine = new SilentEngine()) {
            MockHttpServletResponse saved = call(HandMadeWeb.request("POST", ADMIN, "action", "save",
                    "enabled", "true", "urls", engine.url(), "authType", "usernamePassword", "username", "writer",
                    "secret", "s3cret-Passw0rd", "diskBudgetMb", "64"));
            String file = Files.readString(directory.resolve("config").resolve(SettingsStore.FILE_NAME));
            // Saving again with an empty secret field keeps the saved secret.
            JsonNode again = json(call(HandMadeWeb.request("POST", ADMIN, "action", "save", "enabled", "true",
                    "urls", engine.url(), "authType", "usernamePassword", "username", "writer", "secret", "",
                    "diskBudgetMb", "64")));
            Map<String, Object> model = new HashMap<>();
            new BuildAnalyticsAdminPage(new HandMadeWeb.Controllers(), new HandMadeWeb.Descriptor(), runtime)
                    .fillModel(model, HandMadeWeb.request("GET", ADMIN));

            assertThat(json(saved).path("ok").asBoolean()).as(saved.getContentAsString()).isTrue();
            assertThat(json(saved).path("status").get(0).asText()).startsWith("Recording builds to");
            assertThat(saved.getContentAsString()).doesNotContain("s3cret-Passw0rd");
            assertThat(file).doesNotContain("s3cret-Passw0rd").contains("\"secret\"");
            assertThat(again.path("ok").asBoolean()).isTrue();
            assertThat(runtime.settings().get("secret")).isEqualTo("s3cret-Passw0rd");
            assertThat(model.toString()).doesNotContain("s3cret-Passw0rd");
            assertThat(model.get("buildAnalyticsSettings").toString()).contains("secretSet=true");
        }
    }

    @Test
    void theConnectionTestJudgesTheFormsValuesAndNamesTheAddress() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        JsonNode verdict = json(call(HandMadeWeb.request("POST", ADMIN, "action", "test",
                "urls", "http://127.0.0.1:" + port)));
        JsonNode notAUrl = json(call(HandMadeWeb.request("POST", ADMIN, "action", "test", "urls", "not a url")));

        assertThat(verdict.path("ok").asBoolean()).isFalse();
        assertThat(verdict.path("level").asText()).isEqualTo("FAILED");
        assertThat(verdict.path("message").asText()).contains("127.0.0.1:" + port);
        assertThat(notAUrl.path("message").asText()).contains("must start with https://");
    }

    @Test
    void aBackfillNeedsAWorkingConfigurationAndValidInput() throws Exception {
        JsonNode notConfigured = json(call(HandMadeWeb.request("POST", ADMIN, "action", "backfill",
                "backfillPattern", "", "backfillDays", "30")));
        JsonNode badPattern = json(call(HandMadeWeb.request("POST", ADMIN, "action", "backfill",
                "backfillPattern", "(", "backfillDays", "30")));

        assertThat(notConfigured.path("ok").asBoolean()).isFalse();
        assertThat(notConfigured.path("message").asText()).startsWith("Save a working configuration first");
        assertThat(badPattern.path("message").asText()).contains("not a valid regular expression");
    }

    @Test
    void thePageIsOnlyAvailableToUsersWhoMayChangeServerSettings() {
        BuildAnalyticsAdminPage page = new BuildAnalyticsAdminPage(new HandMadeWeb.Controllers(),
                new HandMadeWeb.Descriptor(), runtime);

        assertThat(page.isAvailable(HandMadeWeb.request("GET", ADMIN))).isTrue();
        assertThat(page.isAvailable(HandMadeWeb.request("GET", DEVELOPER))).isFalse();
        assertThat(page.isAvailable(HandMadeWeb.request("GET", null))).isFalse();
        assertThat(page.getGroup()).isEqualTo("Integrations");
        assertThat(page.getJsPaths()).containsExactly("/plugins/build-analytics/buildAnalytics.js");
    }
}
