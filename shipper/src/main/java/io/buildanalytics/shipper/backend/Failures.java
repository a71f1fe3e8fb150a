package io.buildanalytics.shipper.backend;

import io.buildanalytics.shipper.backend.BackendException.Problem;
import io.buildanalytics.shipper.connection.EngineConnection;
import io.buildanalytics.shipper.connection.EngineProduct;
import io.buildanalytics.shipper.connection.ProxySettings;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Classifies what went wrong with a request into a {@link BackendException}: the {@link Problem} decides retrying,
 * the message tells a person what happened where and what to do. Messages name the target and, for credential
 * problems, the credential as {@code Auth.describe()} puts it; text from the other side is masked for secrets.
 */
final class Failures {

    private final EngineConnection connection;
    private final Secrets secrets;

    Failures(EngineConnection connection) {
        this.connection = connection;
        this.secrets = Secrets.of(connection);
    }

    /** A non-2xx answer to a whole request. {@code detail} is the engine's own words, may be empty. */
    BackendException status(int status, String action, String detail) {
        String where = product() + " at " + target();
        String said = said(status, detail);
        if (status == 401) {
            return new BackendException(Problem.AUTHENTICATION, status, where + " did not accept the credentials ("
                    + connection.auth().describe() + ") when " + action + said
                    + ". Check the user name and password, API key or token configured for this connection.", null);
        }
        if (status == 403) {
            return new BackendException(Problem.AUTHORIZATION, status, where + " accepted the credentials ("
                    + connection.auth().describe() + ") but refused " + action + said
                    + ". Grant the missing privilege to that user or key.", null);
        }
        if (status == 407) {
            return proxyRefused(status);
        }
        if (status == 413) {
            return new BackendException(Problem.TOO_LARGE, status, where + " (or a proxy in front of it) found the"
                    + " request too large when " + action + said + ". Send smaller batches, or raise the limit"
                    + " (http.max_content_length, or the proxy's body size limit).", null);
        }
        if (status == 429) {
            return new BackendException(Problem.THROTTLED, status, where + " asked to slow down when " + action
                    + said + ".", null);
        }
        if (status >= 500) {
            return new BackendException(Problem.SERVER, status, where + " failed when " + action + said + ".", null);
        }
        return new BackendException(Problem.REJECTED, status, where + " refused " + action + said + ".", null);
    }

    /** No usable answer: nothing reachable, no answer in time, TLS refused, or the connection broke. */
    BackendException io(Throwable failure, String action) {
        // TLS first, and by the deepest telling cause: a handshake failure wraps the certificate problem.
        BackendException tls = tlsProblem(failure);
        if (tls != null) {
            return tls;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            BackendException classified = classify(cause, failure, action);
            if (classified != null) {
                return classified;
            }
        }
        return new BackendException(Problem.SERVER, "The connection to " + target() + " broke when " + action
                + " (" + describe(failure) + "). If this repeats, check the engine's log and any proxy in between.",
                failure);
    }

    /** The other side is not the configured product. */
    BackendException wrongProduct(String found) {
        EngineProduct configured = connection.product();
        String choose = configured == EngineProduct.ELASTICSEARCH ? EngineProduct.OPENSEARCH.displayName()
                : EngineProduct.ELASTICSEARCH.displayName();
        return new BackendException(Problem.WRONG_PRODUCT, "The server at " + target() + " is " + secrets.mask(found)
                + ", but this connection is set up for " + configured.displayName() + ". If it is " + choose
                + ", choose " + choose + " as the engine type; otherwise check the URL.", null);
    }

    /** A 2xx answer that cannot be what the engine sends: a proxy's page, a truncated body. */
    BackendException unreadable(String action, String what, Throwable cause) {
        return new BackendException(Problem.SERVER, "The answer from " + target() + " when " + action
                + " could not be read: " + secrets.mask(what) + ". Check that the URL points at the engine itself"
                + " and not at a login page or another service.", cause);
    }

    String target() {
        return connection.describeTarget();
    }

    private String product() {
        return connection.product().displayName();
    }

    private String said(int status, String detail) {
        String masked = secrets.mask(detail == null ? "" : detail.strip());
        return " (HTTP " + status + (masked.isEmpty() ? "" : ": " + masked) + ")";
    }

    private BackendException tlsProblem(Throwable failure) {
        Throwable handshake = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String text = describe(cause);
            if (cause instanceof SSLPeerUnverifiedException || isHostNameMismatch(cause)) {
                return tls(failure, "the certificate does not match the host name (" + text + ")."
                        + " Use the host name the certificate was issued for");
            }
            if (cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException
                    || cause instanceof CertificateException) {
                return tls(failure, "the server's certificate is not trusted (" + text + ")."
                        + " If the engine uses a private certificate authority, paste its CA certificate (PEM)"
                        + " into the connection settings");
            }
            if (handshake == null && cause instanceof SSLException) {
                handshake = cause;
            }
        }
        if (handshake == null) {
            return null;
        }
        return tls(failure, describe(handshake) + ". Check that the URL's scheme (http or https) matches the"
                + " engine and that both sides share a TLS version");
    }

    private BackendException classify(Throwable cause, Throwable failure, String action) {
        String text = describe(cause);
        if (cause instanceof UnknownHostException) {
            return unreachable(failure, "the host name " + text + " cannot be resolved (DNS)");
        }
        if (cause instanceof NoRouteToHostException || cause instanceof PortUnreachableException) {
            return unreachable(failure, "there is no route to it (" + text + ")");
        }
        if (isConnectTimeout(cause)) {
            return unreachable(failure, "no connection could be made within "
                    + seconds(connection.connectTimeout()) + " (" + text + ")");
        }
        if (cause instanceof ConnectException) {
            return unreachable(failure, "the connection was refused (" + text + ")");
        }
        if (isProxyRefusal(cause)) {
            return proxyRefused(407);
        }
        if (cause instanceof SocketTimeoutException || cause instanceof InterruptedIOException
                || cause instanceof TimeoutException) {
            return new BackendException(Problem.TIMEOUT, product() + " at " + target() + " did not answer when "
                    + action + " within " + seconds(connection.readTimeout()) + " (" + text + ")."
                    + " The engine may be overloaded.", failure);
        }
        return null;
    }

    private BackendException tls(Throwable failure, String what) {
        return new BackendException(Problem.TLS, "The TLS handshake with " + target() + " failed: " + what + ".",
                failure);
    }

    private BackendException unreachable(Throwable failure, String what) {
        ProxySettings proxy = connection.proxy();
        String via = proxy != null && proxy.appliesTo(connection.urls().get(0).getHost())
                ? " through the proxy " + proxy.host() + ":" + proxy.port() : "";
        return new BackendException(Problem.UNREACHABLE, "Could not reach " + target() + via + ": " + what
                + ". Check that the engine is running, the URL and port, DNS, and any firewall or proxy in between.",
                failure);
    }

    private BackendException proxyRefused(int status) {
        ProxySettings proxy = connection.proxy();
        String which = proxy == null ? "A proxy" : "The proxy " + proxy.host() + ":" + proxy.port();
        String credentials = proxy == null || proxy.username() == null ? "no proxy credentials are configured"
                : "the proxy user is '" + proxy.username() + "'";
        return new BackendException(Problem.AUTHENTICATION, status, which + " in front of " + target()
                + " asked for authentication (HTTP 407) and " + credentials
                + ". Check the proxy user name and password.", null);
    }

    private String describe(Throwable cause) {
        String message = cause.getMessage();
        String text = message == null || message.isBlank() ? cause.getClass().getSimpleName() : message.strip();
        return secrets.mask(text);
    }

    private static boolean isHostNameMismatch(Throwable cause) {
        String message = lower(cause);
        return cause instanceof SSLException && (message.contains("no subject alternative")
                || message.contains("doesn't match") || message.contains("does not match")
                || message.contains("no name matching"))
                || cause instanceof CertificateException && (message.contains("no subject alternative")
                || message.contains("no name matching"));
    }

    private static boolean isConnectTimeout(Throwable cause) {
        // HttpClient 4 and 5 each have a ConnectTimeoutException; HttpURLConnection says "connect timed out".
        return cause.getClass().getSimpleName().equals("ConnectTimeoutException")
                || cause instanceof SocketTimeoutException && lower(cause).contains("connect timed out")
                || cause instanceof ConnectException && lower(cause).contains("timeout");
    }

    private static boolean isProxyRefusal(Throwable cause) {
        // HttpURLConnection reports a refused CONNECT only in its message.
        String message = lower(cause);
        return message.contains("unable to tunnel through proxy") && message.contains("407");
    }

    private static String lower(Throwable cause) {
        return cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
