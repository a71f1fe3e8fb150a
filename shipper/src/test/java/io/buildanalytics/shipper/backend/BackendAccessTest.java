package io.buildanalytics.shipper.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.buildanalytics.shipper.backend.BackendException.Problem;
import io.buildanalytics.shipper.backend.FakeEngine.Received;
import io.buildanalytics.shipper.backend.FakeEngine.Reply;
import io.buildanalytics.shipper.connection.EngineConnection;
import io.buildanalytics.shipper.connection.EngineProduct;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The privilege check against engines with security, which the integ-test distributions do not have. */
class BackendAccessTest {

    private static Backend elasticsearch(FakeEngine engine) {
        return Backends.open(EngineConnection.to(EngineProduct.ELASTICSEARCH, engine.uri()));
    }

    private static Function<Received, Reply> elasticsearchSecurity(String hasPrivilegesAnswer) {
        return request -> {
            String path = request.uri().getPath();
            if (path.equals("/_security/_authenticate")) {
                return FakeEngine.asElasticsearch(Reply.json(200, "{\"username\":\"ci-shipper\",\"roles\":[]}"));
            }
            if (path.equals("/_security/user/_has_privileges") && request.method().equals("POST")) {
                JsonNode asked = json(request);
                boolean wellFormed = asked.path("cluster").toString().equals("[\"manage_index_templates\"]")
                        && asked.path("index").path(0).path("names").toString().equals("[\"cicd-events-*\"]")
                        && asked.path("index").path(0).path("privileges").toString().contains("\"create_index\"");
                return FakeEngine.asElasticsearch(wellFormed ? Reply.json(200, hasPrivilegesAnswer)
                        : Reply.json(400, "{\"error\":{\"type\":\"bad\",\"reason\":\"" + asked + "\"}}"));
            }
            return FakeEngine.asElasticsearch(Reply.json(404, "{}"));
        };
    }

    private static JsonNode json(Received request) {
        try {
            return HttpAnswer.JSON.readTree(request.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void missingElasticsearchPrivilegesAreListedInWords() throws Exception {
        String answer = "{\"username\":\"ci-shipper\",\"has_all_requested\":false,"
                + "\"cluster\":{\"manage_index_templates\":false},"
                + "\"index\":{\"cicd-events-*\":{\"create\":false,\"index\":false,\"create_index\":true,"
                + "\"auto_configure\":false}},\"application\":{}}";
        try (FakeEngine engine = FakeEngine.http(elasticsearchSecurity(answer));
             Backend backend = elasticsearch(engine)) {
            AccessReport report = backend.access("cicd-events-*", "cicd-events").orElseThrow();
            assertThat(report.user()).isEqualTo("ci-shipper");
            assertThat(report.missingWritePrivileges()).containsExactly("index 'cicd-events-*': index");
            assertThat(report.canWrite()).isFalse();
            assertThat(report.canManageTemplates()).isFalse();
        }
    }

    @Test
    void writeAndAutoConfigureAreEnough() throws Exception {
        String answer = "{\"username\":\"ci-shipper\",\"has_all_requested\":false,"
                + "\"cluster\":{\"manage_index_templates\":true},"
                + "\"index\":{\"cicd-events-*\":{\"create\":true,\"index\":false,\"create_index\":false,"
                + "\"auto_configure\":true}},\"application\":{}}";
        try (FakeEngine engine = FakeEngine.http(elasticsearchSecurity(answer));
             Backend backend = elasticsearch(engine)) {
            AccessReport report = backend.access("cicd-events-*", "cicd-events").orElseThrow();
            assertThat(report.canWrite()).isTrue();
            assertThat(report.canManageTemplates()).isTrue();
        }
    }

    @Test
    void elasticsearchWithSecurityDisabledHasNothingToReport() throws Exception {
        try (FakeEngine engine = FakeEngine.http(request -> FakeEngine.asElasticsearch(Reply.json(500,
                "{\"error\":{\"type\":\"exception\",\"reason\":\"Security must be explicitly enabled when using a"
                        + " [basic] license.\"},\"status\":500}")));
             Backend backend = elasticsearch(engine)) {
            assertThat(backend.access("cicd-events-*", "cicd-events")).isEmpty();
        }
    }

    @Test
    void anElasticsearchServerErrorIsNotMistakenForSecurityBeingOff() throws Exception {
        try (FakeEngine engine = FakeEngine.http(request -> FakeEngine.asElasticsearch(Reply.json(500,
                "{\"error\":{\"type\":\"null_pointer_exception\",\"reason\":\"oops\"},\"status\":500}")));
             Backend backend = elasticsearch(engine)) {
            assertThatThrownBy(() -> backend.access("cicd-events-*", "cicd-events"))
                    .isInstanceOfSatisfying(BackendException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.SERVER));
        }
    }

    @Test
    void openSearchWithTheSecurityPluginNamesTheUser() throws Exception {
        try (FakeEngine engine = FakeEngine.http(request -> request.uri().getPath()
                .equals("/_plugins/_security/authinfo")
                ? Reply.json(200, "{\"user_name\":\"ci-shipper\",\"backend_roles\":[],\"roles\":[\"own_index\"]}")
                : Reply.json(404, "{}"));
             Backend backend = Backends.open(EngineConnection.to(EngineProduct.OPENSEARCH, engine.uri()))) {
            assertThat(backend.access("cicd-events-*", "cicd-events"))
                    .contains(new AccessReport("ci-shipper", java.util.List.of(), true));
        }
    }

    @Test
    void openSearchWithoutTheSecurityPluginHasNothingToReport() throws Exception {
        try (FakeEngine engine = FakeEngine.http(request -> Reply.json(400,
                "{\"error\":\"no handler found for uri [/_plugins/_security/authinfo] and method [GET]\"}"));
             Backend backend = Backends.open(EngineConnection.to(EngineProduct.OPENSEARCH, engine.uri()))) {
            assertThat(backend.access("cicd-events-*", "cicd-events")).isEmpty();
        }
    }
}
