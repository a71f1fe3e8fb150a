package io.buildanalytics.kibana.install;

import com.fasterxml.jackson.databind.JsonNode;
import io.buildanalytics.kibana.bundle.Flavor;
import io.buildanalytics.kibana.install.InstallException.Problem;
import io.buildanalytics.shipper.connection.Auth;

/**
 * Finds out from {@code GET <base>/api/status} whether the server is Kibana or OpenSearch Dashboards, and which
 * version. Both answer with {@code version.number}; they differ in the core service their status lists: Kibana's
 * is {@code elasticsearch}, OpenSearch Dashboards' is {@code opensearch} (in the current format as
 * {@code status.core.<name>}, in the legacy format as a {@code statuses[].id} of {@code core:<name>@<version>}).
 * Kibana also names itself in a {@code kbn-name} header on every answer; OpenSearch Dashboards' {@code osd-name}
 * header is not there in every version, and a proxy may drop either, so the body decides and the headers only help
 * when the body does not tell (Kibana's short status for anonymous requests).
 */
final class ServerDetector {

    static final String STATUS_PATH = "/api/status";

    private static final String ACTION = "reading its status (" + STATUS_PATH + ")";

    private final DashboardsHttp http;
    private final Refusals refusals;

    ServerDetector(DashboardsHttp http) {
        this.http = http;
        this.refusals = new Refusals(http);
    }

    DetectedServer detect() throws InstallException {
        DashboardsAnswer answer = http.get(STATUS_PATH, ACTION);
        String url = http.target().describe();
        if (looksLikeSearchEngine(answer)) {
            throw new InstallException(Problem.WRONG_PRODUCT, "The server at " + url + " is Elasticsearch or"
                    + " OpenSearch itself, not Kibana or OpenSearch Dashboards: give the URL of the dashboards"
                    + " server instead (they listen on port 5601 unless configured otherwise).", null);
        }
        boolean unavailable = answer.status() == 503 && answer.isJsonObject();
        if (!answer.succeeded() && !unavailable) {
            throw refusals.of(answer, "The server", ACTION, new Refusals.Hints(
                    "Give that user a role that may read the server's status",
                    "no Kibana or OpenSearch Dashboards answers there; check the base URL and its path prefix"
                            + " (Amazon OpenSearch Service serves OpenSearch Dashboards under /_dashboards)",
                    "a GET has no body, so a proxy in front of the server is misbehaving"));
        }
        JsonNode status = answer.json();
        if (!status.isObject()) {
            throw new InstallException(Problem.UNREADABLE, "The answer from " + url + STATUS_PATH + " is not JSON ("
                    + http.masked(answer.excerpt()) + "): check that the URL points at Kibana or OpenSearch"
                    + " Dashboards itself, not at a login page or another service.", null);
        }
        Flavor flavor = flavorOf(answer, status);
        String version = status.path("version").path("number").asText("").replaceFirst("-SNAPSHOT$", "");
        if (flavor == null) {
            throw new InstallException(Problem.WRONG_PRODUCT, "The server at " + url + " answered " + STATUS_PATH
                    + (version.isEmpty() ? "" : " with version " + version) + ", but not the way Kibana or"
                    + " OpenSearch Dashboards do: check that the URL points at one of them.", null);
        }
        String name = flavor.productName();
        if (version.isEmpty()) {
            throw withoutVersion(answer, status, name, url);
        }
        DetectedServer server = new DetectedServer(flavor, version);
        SupportedVersions.check(server, url);
        if (unavailable) {
            throw new InstallException(Problem.NOT_READY, server + " at " + url + " reports that it is not ready"
                    + " (HTTP 503, overall status '" + overallLevel(status) + "'): try again when it is available.",
                    null);
        }
        return server;
    }

    private InstallException withoutVersion(DashboardsAnswer answer, JsonNode status, String name, String url) {
        if (answer.status() == 503) {
            return new InstallException(Problem.NOT_READY, name + " at " + url + " reports that it is not ready"
                    + " (HTTP 503): try again when it is available.", null);
        }
        if (!overallLevel(status).isEmpty()) {
            // Kibana's short status, which it gives to requests it could not authenticate when it requires login.
            Auth auth = http.target().auth();
            String fix = auth instanceof Auth.None ? "give a user name and password, an API key or a token"
                    : "check that it accepts these credentials (" + auth.describe() + ") in an Authorization header";
            return new InstallException(Problem.AUTHENTICATION, name + " at " + url + " shows its version only to"
                    + " signed-in users and did not sign this request in: " + fix + ".", null);
        }
        return new InstallException(Problem.UNREADABLE, name + " at " + url + " answered " + STATUS_PATH
                + " without a version number; check that nothing between changes its answers.", null);
    }

    /**
     * The engine answers a path it does not know with 400 {@code {"error": "no handler found for uri …"}}, its
     * other errors as {@code {"error": {"type", "reason", "root_cause"}}} (Kibana's error is a string), its root
     * with a {@code tagline}, and Elasticsearch marks every answer with {@code X-elastic-product}.
     */
    private static boolean looksLikeSearchEngine(DashboardsAnswer answer) {
        if (answer.header("x-elastic-product").isPresent()) {
            return true;
        }
        JsonNode json = answer.json();
        JsonNode error = json.path("error");
        return error.isTextual() && error.asText().startsWith("no handler found for uri")
                || error.isObject() && (error.has("root_cause") || error.has("type"))
                || json.has("tagline") || json.has("cluster_name");
    }

    private static Flavor flavorOf(DashboardsAnswer answer, JsonNode status) {
        if (hasCoreService(status, "elasticsearch")) {
            return Flavor.KIBANA;
        }
        if (hasCoreService(status, "opensearch")) {
            return Flavor.OPENSEARCH_DASHBOARDS;
        }
        if (answer.header("kbn-name").isPresent()) {
            return Flavor.KIBANA;
        }
        if (answer.header("osd-name").isPresent()) {
            return Flavor.OPENSEARCH_DASHBOARDS;
        }
        return null;
    }

    private static boolean hasCoreService(JsonNode body, String service) {
        JsonNode status = body.path("status");
        if (status.path("core").has(service)) {
            return true;
        }
        for (JsonNode component : status.path("statuses")) {
            if (component.path("id").asText("").startsWith("core:" + service + "@")) {
                return true;
            }
        }
        return false;
    }

    /** {@code level} in the current status format, {@code state} in the legacy one. */
    private static String overallLevel(JsonNode body) {
        JsonNode overall = body.path("status").path("overall");
        return overall.path("level").asText(overall.path("state").asText(""));
    }
}
