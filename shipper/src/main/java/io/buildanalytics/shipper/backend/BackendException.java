package io.buildanalytics.shipper.backend;

import java.util.Objects;

/**
 * A request that did not get a usable answer, classified so the shipper knows whether to retry and the
 * connection test knows what to tell a person. Messages never contain a secret.
 */
public final class BackendException extends Exception {

    /** What went wrong, coarse enough to act on. */
    public enum Problem {
        /** DNS failure, connection refused, no route: nothing answered. */
        UNREACHABLE(true),
        /** Connected, then no answer within the read timeout. */
        TIMEOUT(true),
        /** The TLS handshake failed: untrusted certificate, host name mismatch, protocol mismatch. */
        TLS(false),
        /** 401: the engine did not accept the credentials. */
        AUTHENTICATION(false),
        /** 403: the credentials are valid but lack a privilege. */
        AUTHORIZATION(false),
        /** 429 for the whole request: the engine asks us to slow down. */
        THROTTLED(true),
        /** 5xx for the whole request, or a broken response. */
        SERVER(true),
        /** 413: the request was too large for the engine or a proxy in front of it. */
        TOO_LARGE(false),
        /** The other side is not the configured product (e.g. OpenSearch behind an Elasticsearch setting). */
        WRONG_PRODUCT(false),
        /** Any other refusal (4xx) of a well-formed request. */
        REJECTED(false);

        private final boolean transientProblem;

        Problem(boolean transientProblem) {
            this.transientProblem = transientProblem;
        }

        /** Likely to go away by itself, so retrying soon makes sense. */
        public boolean isTransient() {
            return transientProblem;
        }
    }

    private final Problem problem;
    private final int httpStatus;

    public BackendException(Problem problem, int httpStatus, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.httpStatus = httpStatus;
    }

    public BackendException(Problem problem, String message, Throwable cause) {
        this(problem, 0, message, cause);
    }

    public Problem problem() {
        return problem;
    }

    /** The HTTP status of the failed request, or 0 when there was no HTTP answer. */
    public int httpStatus() {
        return httpStatus;
    }
}
