package io.buildanalytics.kibana.install;

import io.buildanalytics.kibana.install.InstallException.Problem;
import io.buildanalytics.shipper.backend.HttpSecurity;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Turns what the JDK HttpClient throws when there is no HTTP answer into one sentence naming the dashboards URL
 * and what to do: nothing listening, unknown host, no answer in time, or a certificate that is not trusted.
 */
final class ConnectionFailures {

    private final DashboardsTarget target;

    ConnectionFailures(DashboardsTarget target) {
        this.target = target;
    }

    InstallException of(IOException failure, String action) {
        // TLS first: a handshake failure wraps the certificate problem, which is what the person has to fix.
        InstallException tls = tlsProblem(failure);
        if (tls != null) {
            return tls;
        }
        if (failure instanceof HttpConnectTimeoutException) {
            // The JDK client counts the TLS handshake into connecting; it never ends when the server speaks http.
            String handshake = "https".equalsIgnoreCase(target.url().getScheme())
                    ? " (including the TLS handshake, which never completes if the server speaks plain http)" : "";
            return unreachable(failure, "no connection could be made within " + seconds(target.connectTimeout())
                    + handshake);
        }
        if (failure instanceof HttpTimeoutException) {
            return new InstallException(Problem.TIMEOUT, "The server at " + where() + " did not answer within "
                    + seconds(target.requestTimeout()) + " when " + action + ". It may be overloaded or still"
                    + " starting; try again, or allow more time.", failure);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // The JDK HttpClient reports an unknown host as an UnresolvedAddressException inside a ConnectException.
            if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
                return unreachable(failure, "the host name '" + target.url().getHost() + "' cannot be resolved"
                        + " (DNS)");
            }
            if (cause instanceof NoRouteToHostException) {
                return unreachable(failure, "there is no route to it");
            }
        }
        if (failure instanceof ConnectException) {
            return unreachable(failure, "the connection was refused (nothing listens on that host and port)");
        }
        return new InstallException(Problem.UNREACHABLE, "The connection to " + where() + " broke when " + action
                + " (" + describe(failure) + "). Check that the URL, its scheme (http or https) included, points at"
                + " Kibana or OpenSearch Dashboards, and any proxy in between.", failure);
    }

    private InstallException tlsProblem(Throwable failure) {
        Throwable handshake = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLPeerUnverifiedException || isHostNameMismatch(cause)) {
                return tls(failure, "its certificate does not match the host name '" + target.url().getHost()
                        + "' (" + describe(cause) + "). Use the host name the certificate was issued for");
            }
            if (cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException
                    || cause instanceof CertificateException) {
                return tls(failure, "its certificate is not trusted (" + describe(cause) + "). Configure the"
                        + " certificate of the CA that issued it (PEM) as the trusted CA for the dashboards server");
            }
            if (handshake == null && cause instanceof SSLException) {
                handshake = cause;
            }
        }
        if (handshake == null) {
            return null;
        }
        return tls(failure, describe(handshake) + ". Check that the URL's scheme (http or https) is the one the"
                + " server uses");
    }

    private InstallException tls(Throwable failure, String what) {
        return new InstallException(Problem.TLS, "The TLS handshake with " + where() + " failed: " + what + ".",
                failure);
    }

    private InstallException unreachable(Throwable failure, String what) {
        Problem problem = failure instanceof HttpConnectTimeoutException ? Problem.TIMEOUT : Problem.UNREACHABLE;
        return new InstallException(problem, "Could not connect to " + where() + ": " + what + ". Check that"
                + " Kibana or OpenSearch Dashboards is running there, the URL and port, and any firewall in between.",
                failure);
    }

    private String where() {
        return target.describe();
    }

    private String describe(Throwable cause) {
        String message = cause.getMessage();
        String text = message == null || message.isBlank() ? cause.getClass().getSimpleName() : message.strip();
        return HttpSecurity.mask(target.auth(), text);
    }

    private static boolean isHostNameMismatch(Throwable cause) {
        String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
        return (cause instanceof SSLException || cause instanceof CertificateException)
                && (message.contains("no subject alternative") || message.contains("no name matching"));
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
