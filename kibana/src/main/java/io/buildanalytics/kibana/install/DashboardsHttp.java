package io.buildanalytics.kibana.install;

import io.buildanalytics.kibana.install.InstallException.Problem;
import io.buildanalytics.shipper.backend.HttpSecurity;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Requests to the dashboards server with the JDK HttpClient: the target's credentials sent with every request,
 * its TLS trust (the shipper's, so verification works exactly as for the engine), its timeouts. A request that
 * gets no HTTP answer becomes an {@link InstallException}; any HTTP answer, whatever its status, is returned.
 */
final class DashboardsHttp {

    private static final Logger LOG = Logger.getLogger(DashboardsHttp.class.getName());

    private final DashboardsTarget target;
    private final HttpClient client;
    private final ConnectionFailures failures;

    DashboardsHttp(DashboardsTarget target) {
        this.target = target;
        this.failures = new ConnectionFailures(target);
        if (!target.tls().verify()) {
            LOG.warning("TLS VERIFICATION IS OFF for the dashboards server at " + target.describe() + ": any"
                    + " certificate and host name are accepted, so anyone in between can read the credentials."
                    + " Configure the server's CA certificate instead.");
        }
        this.client = HttpClient.newBuilder()
                .sslContext(HttpSecurity.sslContext(target.tls()))
                // HTTP/1.1: both products serve it, and it avoids the h2c upgrade attempt on plain http.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(target.connectTimeout())
                // A redirect would be to a login page or another host; neither should get the credentials.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    DashboardsTarget target() {
        return target;
    }

    DashboardsAnswer get(String pathAndQuery, String action) throws InstallException {
        return send(request(pathAndQuery, Map.of()).GET(), action);
    }

    DashboardsAnswer post(String pathAndQuery, Map<String, String> headers, byte[] body, String action)
            throws InstallException {
        return send(request(pathAndQuery, headers).POST(HttpRequest.BodyPublishers.ofByteArray(body)), action);
    }

    /** Text from the server or an exception, with the credentials masked, fit for a message. */
    String masked(String text) {
        return HttpSecurity.mask(target.auth(), text);
    }

    private HttpRequest.Builder request(String pathAndQuery, Map<String, String> headers) {
        URI uri = target.resolve(pathAndQuery);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(target.requestTimeout())
                .header("Accept", "application/json");
        HttpSecurity.authorization(target.auth()).ifPresent(value -> builder.header("Authorization", value));
        headers.forEach(builder::header);
        return builder;
    }

    private DashboardsAnswer send(HttpRequest.Builder builder, String action) throws InstallException {
        try {
            HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new DashboardsAnswer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw failures.of(e, action);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InstallException(Problem.INTERRUPTED, "Interrupted while " + action + " at "
                    + target.describe() + ".", e);
        }
    }
}
