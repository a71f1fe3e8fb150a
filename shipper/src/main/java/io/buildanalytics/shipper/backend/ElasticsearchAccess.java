package io.buildanalytics.shipper.backend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Asks Elasticsearch who we are ({@code _security/_authenticate}) and whether we hold what shipping needs
 * ({@code _security/user/_has_privileges}): on the event indices, {@code create} or {@code index} (writing a
 * document under a known id, overwriting on a resend; {@code create_doc} alone refuses overwrites) and
 * {@code create_index} or {@code auto_configure} (the first event of a day creates its index); on the cluster,
 * {@code manage_index_templates} (composable templates are cluster-wide, so the template's name does not narrow
 * the check).
 */
final class ElasticsearchAccess {

    private static final String ACTION = "checking the credentials' privileges";

    private ElasticsearchAccess() {
    }

    static Optional<AccessReport> check(JsonHttp http, String indexPattern, Failures failures)
            throws IOException, BackendException {
        HttpAnswer who = http.get("/_security/_authenticate", Map.of());
        if (!who.succeeded()) {
            if (securityUnavailable(who)) {
                return Optional.empty();
            }
            throw failures.status(who.status(), ACTION, who.errorDetail());
        }
        String user = who.json().path("username").asText("");
        if (user.isEmpty()) {
            throw failures.unreadable(ACTION, "_authenticate named no user", null);
        }
        HttpAnswer granted = http.send("POST", "/_security/user/_has_privileges", Map.of(),
                request(indexPattern), "application/json");
        if (!granted.succeeded()) {
            throw failures.status(granted.status(), ACTION, granted.errorDetail());
        }
        JsonNode answer = granted.json();
        return Optional.of(new AccessReport(user, missingWrite(answer, indexPattern),
                answer.path("cluster").path("manage_index_templates").asBoolean(false)));
    }

    /**
     * Security off answers with an error instead of a user: no such endpoint (the integ-test and OSS builds have
     * no security module at all) or a 500 saying security is not enabled.
     */
    static boolean securityUnavailable(HttpAnswer answer) {
        int status = answer.status();
        if (status == 400 || status == 404 || status == 405 || status == 410 || status == 501) {
            return true;
        }
        String detail = answer.errorDetail().toLowerCase(Locale.ROOT);
        return status == 500 && detail.contains("security") && (detail.contains("not enabled")
                || detail.contains("disabled") || detail.contains("explicitly enabled"));
    }

    private static byte[] request(String indexPattern) {
        ObjectNode body = HttpAnswer.JSON.createObjectNode();
        body.putArray("cluster").add("manage_index_templates");
        ObjectNode index = body.putArray("index").addObject();
        index.putArray("names").add(indexPattern);
        ArrayNode privileges = index.putArray("privileges");
        privileges.add("create").add("index").add("create_index").add("auto_configure");
        try {
            return HttpAnswer.JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static List<String> missingWrite(JsonNode answer, String indexPattern) {
        List<String> missing = new ArrayList<>();
        JsonNode index = answer.path("index").path(indexPattern);
        if (!index.path("create").asBoolean(false) && !index.path("index").asBoolean(false)) {
            missing.add("index '" + indexPattern + "': index");
        }
        if (!index.path("create_index").asBoolean(false) && !index.path("auto_configure").asBoolean(false)) {
            missing.add("index '" + indexPattern + "': create_index");
        }
        return missing;
    }
}
