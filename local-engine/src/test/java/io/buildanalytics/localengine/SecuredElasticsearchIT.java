package io.buildanalytics.localengine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Elasticsearch with security on, the way the shipper's tests use it: one secured node of its own for the
 * class (never the shared one), a superuser for setting up, a user with nothing but read on the event indices.
 */
class SecuredElasticsearchIT {

    private static final String INDEX = "cicd-events-secured";
    /** Not "/": that answer comes from the rest-root module, which the integ-test-zip lacks (405). */
    private static final String HEALTH = "/_cluster/health";
    private static final String READER = "events-reader";
    private static final String READER_PASSWORD = "reader-password-1";
    private static final String READ_EVENTS_ONLY =
            "{\"indices\":[{\"names\":[\"cicd-events-*\"],\"privileges\":[\"read\",\"view_index_metadata\"]}]}";

    private static LocalEngine engine;

    @BeforeAll
    static void startSecuredNode() {
        engine = LocalEngine.start(EngineKind.ELASTICSEARCH, EngineOptions.defaults()
                .withRole("cicd_events_reader", READ_EVENTS_ONLY)
                .withUser(READER, READER_PASSWORD, "cicd_events_reader"));
        engine.http().put("/" + INDEX + "/_doc/1?refresh=true", "{\"pipeline\":\"deploy\",\"status\":\"SUCCESS\"}")
                .requireSuccess();
    }

    @AfterAll
    static void stopNode() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void requestsWithoutCredentialsAreRefused() {
        EngineHttp.Response anonymous = engine.http().withoutAuthorization().get(HEALTH);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().path("error").path("type").asText()).isEqualTo("security_exception");
        assertThat(anonymous.body()).contains("missing authentication credentials");
    }

    @Test
    void aWrongPasswordIsRefused() {
        EngineHttp.Response wrong = engine.http().withBasicAuth(READER, READER_PASSWORD + "-wrong").get(HEALTH);

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).contains("unable to authenticate user [" + READER + "]");
    }

    @Test
    void httpActsAsTheGeneratedSuperuser() {
        EngineCredentials superuser = engine.superuser().orElseThrow();
        JsonNode me = engine.http().get("/_security/_authenticate").requireSuccess().json();

        assertThat(superuser.username()).isEqualTo("admin");
        assertThat(me.path("username").asText()).isEqualTo(superuser.username());
        assertThat(me.path("roles")).extracting(JsonNode::asText).containsExactly("superuser");
        assertThat(me.path("authentication_realm").path("type").asText()).isEqualTo("file");
        assertThat(engine.http().withBasicAuth(superuser.username(), superuser.password()).get(HEALTH).status())
                .isEqualTo(200);
        assertThat(engine.toString()).contains("secured");
    }

    @Test
    void aReadOnlyUserReadsButCannotWriteNorManageTemplates() {
        EngineHttp reader = engine.http().withBasicAuth(READER, READER_PASSWORD);

        assertThat(reader.get("/" + INDEX + "/_doc/1").requireSuccess().json().path("found").asBoolean()).isTrue();

        EngineHttp.Response write = reader.put("/" + INDEX + "/_doc/2", "{\"status\":\"FAILURE\"}");
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.body()).contains("action [indices:data/write/index] is unauthorized for user [" + READER + "]");

        EngineHttp.Response template = reader.put("/_index_template/cicd-events-secured",
                "{\"index_patterns\":[\"cicd-events-secured-*\"]}");
        assertThat(template.status()).isEqualTo(403);
        assertThat(template.body()).contains("action [indices:admin/index_template/put] is unauthorized")
                .contains("manage_index_templates");
    }

    @Test
    void hasPrivilegesReportsWhatTheUserLacks() {
        JsonNode answer = engine.http().withBasicAuth(READER, READER_PASSWORD).post("/_security/user/_has_privileges",
                "{\"cluster\":[\"monitor\",\"manage_index_templates\"],"
                        + "\"index\":[{\"names\":[\"cicd-events-2025.01\"],\"privileges\":[\"read\",\"create_doc\",\"write\"]}]}")
                .requireSuccess().json();

        assertThat(answer.path("username").asText()).isEqualTo(READER);
        assertThat(answer.path("has_all_requested").asBoolean(true)).isFalse();
        assertThat(answer.path("cluster").path("monitor").asBoolean(true)).isFalse();
        assertThat(answer.path("cluster").path("manage_index_templates").asBoolean(true)).isFalse();
        JsonNode index = answer.path("index").path("cicd-events-2025.01");
        assertThat(index.path("read").asBoolean(false)).isTrue();
        assertThat(index.path("create_doc").asBoolean(true)).isFalse();
        assertThat(index.path("write").asBoolean(true)).isFalse();
    }

    @Test
    void bearerTokensFromTheTokenServiceAuthenticateAsTheirUser() {
        JsonNode token = engine.http().post("/_security/oauth2/token", "{\"grant_type\":\"password\",\"username\":\""
                + READER + "\",\"password\":\"" + READER_PASSWORD + "\"}").requireSuccess().json();
        assertThat(token.path("type").asText()).isEqualTo("Bearer");
        EngineHttp bearer = engine.http().withAuthorization("Bearer " + token.path("access_token").asText());

        JsonNode me = bearer.get("/_security/_authenticate").requireSuccess().json();
        assertThat(me.path("username").asText()).isEqualTo(READER);
        assertThat(me.path("authentication_type").asText()).isEqualTo("token");
        assertThat(bearer.put("/" + INDEX + "/_doc/3", "{\"status\":\"SUCCESS\"}").status()).isEqualTo(403);
        assertThat(engine.http().withAuthorization("Bearer not-a-token").get(HEALTH).status()).isEqualTo(401);
    }

    /**
     * API keys live in the .security index, whose mapping needs analysis-common's pattern_capture filter; the
     * integ-test-zip ships without analysis-common. Should a future distribution bring it, this fails: then
     * replace it with a test that an API key authenticates ({@code Authorization: ApiKey <encoded>}).
     */
    @Test
    void apiKeysAreUnavailableBecauseTheDistributionCannotCreateTheSecurityIndex() {
        EngineHttp.Response apiKey = engine.http().post("/_security/api_key", "{\"name\":\"shipper-test\"}");

        assertThat(apiKey.status()).isEqualTo(400);
        assertThat(apiKey.body()).contains("Unknown filter type [pattern_capture]");
    }
}
