package io.buildanalytics.kibana.install;

import io.buildanalytics.kibana.bundle.Bundle;
import io.buildanalytics.kibana.bundle.Flavor;
import io.buildanalytics.kibana.install.InstallException.Problem;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One call of the saved-objects import API: the bundle as the multipart file part named {@code file}, existing
 * objects with the same ids overwritten (so installing again updates the dashboards), and the answer checked
 * object by object.
 */
final class SavedObjectsImport {

    static final String PATH = "/api/saved_objects/_import";
    static final String QUERY = "?overwrite=true";
    static final String NDJSON = "application/ndjson";

    private final DashboardsHttp http;
    private final Refusals refusals;

    SavedObjectsImport(DashboardsHttp http) {
        this.http = http;
        this.refusals = new Refusals(http);
    }

    /** @param spacePrefix "" or {@code /s/<space id>} */
    ImportResult run(DetectedServer server, String spacePrefix, Bundle bundle) throws InstallException {
        byte[] content = bundle.bytes();
        MultipartBody body = MultipartBody.withFile("file", bundle.fileName(), NDJSON, content);
        String path = spacePrefix + PATH;
        String into = http.target().hasSpace() ? " into space '" + http.target().space() + "'" : "";
        String action = "importing the dashboards" + into;
        DashboardsAnswer answer = http.post(path + QUERY, Map.of(
                xsrfHeader(server.flavor()), "true",
                "Content-Type", body.contentType()), body.bytes(), action);
        String url = http.target().describe();
        if (!answer.succeeded()) {
            throw refusals.of(answer, server.toString(), action, new Refusals.Hints(
                    forbiddenHint(server.flavor()),
                    "the saved-objects import API is not at " + path + " below that URL; check the base URL and its"
                            + " path prefix (Amazon OpenSearch Service serves OpenSearch Dashboards under"
                            + " /_dashboards)",
                    "the bundle (" + content.length + " bytes) is larger than savedObjects.maxImportPayloadBytes"
                            + " allows; raise that setting, or the body size limit of the proxy in front"));
        }
        if (!answer.isJsonObject()) {
            throw new InstallException(Problem.UNREADABLE, "The answer of " + server + " at " + url + " when "
                    + action + " is not JSON (" + http.masked(answer.excerpt()) + "): check that the URL points at"
                    + " the dashboards server itself, not at a login page or another service.", null);
        }
        ImportResult result = ImportResult.parse(answer.json());
        if (!result.complete()) {
            String failed = result.failures().isEmpty() ? "the server reported failure without naming an object"
                    : result.failures().stream().map(ImportFailure::describe).collect(Collectors.joining("; "));
            throw new InstallException(Problem.IMPORT_ERRORS, server + " at " + url + " imported "
                    + result.successCount() + " of " + objectCount(bundle) + " saved objects" + into
                    + "; not imported: " + http.masked(failed) + ".", null, result.failures());
        }
        return result;
    }

    /** Each product's cross-site request forgery guard wants its own header on every write. */
    static String xsrfHeader(Flavor flavor) {
        return flavor == Flavor.KIBANA ? "kbn-xsrf" : "osd-xsrf";
    }

    /** The bundle is one saved object per line. */
    static int objectCount(Bundle bundle) {
        return (int) bundle.ndjson().lines().filter(line -> !line.isBlank()).count();
    }

    private String forbiddenHint(Flavor flavor) {
        if (flavor == Flavor.KIBANA) {
            String space = http.target().hasSpace() ? "space '" + http.target().space() + "'" : "the default space";
            return "Give that user a role with the 'All' privilege for Saved Objects Management (or for Dashboard,"
                    + " Visualize Library and Data View Management) in " + space;
        }
        return "Give that user write access to saved objects in the tenant it imports into";
    }
}
