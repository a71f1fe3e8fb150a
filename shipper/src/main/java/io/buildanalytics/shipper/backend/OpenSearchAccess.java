package io.buildanalytics.shipper.backend;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asks OpenSearch's security plugin who we are ({@code _plugins/_security/authinfo}). The plugin has no API that
 * answers "may this user do X" for another set of privileges (its permissions are evaluated per request, and
 * {@code authinfo} lists roles, not what they grant), so the report names the user and claims nothing is missing;
 * a real shortfall shows up as a 403 on the first bulk or template request, which names the missing permission.
 * Without the plugin there is no security to ask about: empty.
 */
final class OpenSearchAccess {

    private static final String ACTION = "asking the security plugin who the credentials belong to";

    private OpenSearchAccess() {
    }

    static Optional<AccessReport> check(JsonHttp http, Failures failures) throws IOException, BackendException {
        HttpAnswer who = http.get("/_plugins/_security/authinfo", Map.of());
        if (who.status() == 400 || who.status() == 404 || who.status() == 405) {
            return Optional.empty();
        }
        if (!who.succeeded()) {
            throw failures.status(who.status(), ACTION, who.errorDetail());
        }
        String user = who.json().path("user_name").asText("");
        if (user.isEmpty()) {
            throw failures.unreadable(ACTION, "authinfo named no user", null);
        }
        return Optional.of(new AccessReport(user, List.of(), true));
    }
}
