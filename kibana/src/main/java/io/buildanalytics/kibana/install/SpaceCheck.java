package io.buildanalytics.kibana.install;

import io.buildanalytics.kibana.bundle.Flavor;
import io.buildanalytics.kibana.install.InstallException.Problem;

/**
 * Makes sure the Kibana space the dashboards go into exists, and gives the path prefix that addresses it. Kibana
 * addresses a space's APIs under {@code /s/<id>}, and its default space without a prefix (as Kibana itself builds
 * those paths). OpenSearch Dashboards has no spaces, so a space given for it is a mistake worth saying.
 */
final class SpaceCheck {

    static final String DEFAULT_SPACE = "default";

    private final DashboardsHttp http;
    private final Refusals refusals;

    SpaceCheck(DashboardsHttp http) {
        this.http = http;
        this.refusals = new Refusals(http);
    }

    /** The prefix for the space's API paths: "" or {@code /s/<id>}. */
    String pathPrefix(DetectedServer server) throws InstallException {
        DashboardsTarget target = http.target();
        if (!target.hasSpace()) {
            return "";
        }
        String space = target.space();
        String url = target.describe();
        if (server.flavor() == Flavor.OPENSEARCH_DASHBOARDS) {
            throw new InstallException(Problem.SPACE, server + " at " + url + " has no spaces (they are a Kibana"
                    + " feature), so space '" + space + "' cannot be used: leave the space out; with the security"
                    + " plugin, saved objects go to the user's tenant.", null);
        }
        String action = "looking up space '" + space + "'";
        DashboardsAnswer answer = http.get("/api/spaces/space/" + space, action);
        if (answer.status() == 404) {
            throw new InstallException(Problem.SPACE, "Space '" + space + "' does not exist in Kibana at " + url
                    + "; create it or leave the space out.", null);
        }
        if (!answer.succeeded()) {
            throw refusals.of(answer, server.toString(), action, new Refusals.Hints(
                    "Give that user a role with access to space '" + space + "'",
                    "check the space id",
                    "a GET has no body, so a proxy in front of Kibana is misbehaving"));
        }
        return DEFAULT_SPACE.equals(space) ? "" : "/s/" + space;
    }
}
