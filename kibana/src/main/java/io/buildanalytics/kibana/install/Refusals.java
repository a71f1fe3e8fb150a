package io.buildanalytics.kibana.install;

import io.buildanalytics.kibana.install.InstallException.Problem;
import io.buildanalytics.shipper.connection.Auth;

/**
 * Turns a non-2xx answer into one sentence: who refused what, the status and the server's own words, and what to
 * do. What to do about a 403, 404 or 413 depends on the request, so the caller says it ({@link Hints}).
 */
final class Refusals {

    /**
     * The request-specific advice.
     *
     * @param forbidden what privilege the user needs (for a 403)
     * @param notFound  what a 404 means here
     * @param tooLarge  what limit a 413 hit and how to raise it
     */
    record Hints(String forbidden, String notFound, String tooLarge) {
    }

    private final DashboardsHttp http;

    Refusals(DashboardsHttp http) {
        this.http = http;
    }

    /**
     * @param who    the product if known ("Kibana 8.15.0"), else "The server"
     * @param action what was being done, as in "when importing the dashboards"
     */
    InstallException of(DashboardsAnswer answer, String who, String action, Hints hints) {
        int status = answer.status();
        String where = who + " at " + http.target().describe();
        String said = said(answer);
        Auth auth = http.target().auth();
        if (status == 401) {
            String credentials = auth instanceof Auth.None ? "asked for credentials when " + action + said
                    + " and none are configured. Give a user name and password, an API key or a token."
                    : "did not accept the credentials (" + auth.describe() + ") when " + action + said
                    + ". Check the user name and password, API key or token.";
            return new InstallException(Problem.AUTHENTICATION, where + " " + credentials, null);
        }
        if (status == 403) {
            return new InstallException(Problem.AUTHORIZATION, where + " accepted the credentials ("
                    + auth.describe() + ") but refused " + action + said + ". " + hints.forbidden() + ".", null);
        }
        if (status == 404) {
            return new InstallException(Problem.NOT_FOUND, where + " answered 'not found' when " + action + said
                    + ": " + hints.notFound() + ".", null);
        }
        if (status == 413) {
            return new InstallException(Problem.TOO_LARGE, where + " (or a proxy in front of it) found the request"
                    + " too large when " + action + said + ": " + hints.tooLarge() + ".", null);
        }
        if (status >= 500) {
            return new InstallException(Problem.REJECTED, where + " failed when " + action + said
                    + ". Check its log.", null);
        }
        return new InstallException(Problem.REJECTED, where + " refused " + action + said + ".", null);
    }

    private String said(DashboardsAnswer answer) {
        String message = http.masked(answer.serverMessage());
        return " (HTTP " + answer.status() + (message.isEmpty() ? "" : ": " + message) + ")";
    }
}
