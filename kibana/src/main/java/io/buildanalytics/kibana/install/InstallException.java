package io.buildanalytics.kibana.install;

import java.util.List;
import java.util.Objects;

/**
 * An installation step that did not work, with a message a person can act on (what happened, where, what to do).
 * Messages never contain a secret: text from the other side is masked before it gets here.
 */
public final class InstallException extends Exception {

    /** What kind of problem it was, for a command line's exit code or a test; the message says the rest. */
    public enum Problem {
        /** DNS failure, connection refused, no route: nothing answered. */
        UNREACHABLE,
        /** No connection or no answer in time. */
        TIMEOUT,
        /** The TLS handshake failed: untrusted certificate, host name mismatch, protocol mismatch. */
        TLS,
        /** 401: the credentials were not accepted. */
        AUTHENTICATION,
        /** 403: the credentials were accepted but lack a privilege. */
        AUTHORIZATION,
        /** 404 where an API must be: the base URL or its path prefix is wrong. */
        NOT_FOUND,
        /** 413: the bundle is larger than the server accepts. */
        TOO_LARGE,
        /** The server is not Kibana or OpenSearch Dashboards (e.g. the engine's own URL was given). */
        WRONG_PRODUCT,
        /** Kibana or OpenSearch Dashboards, but a version the bundles are not made for. */
        UNSUPPORTED_VERSION,
        /** The Kibana space does not exist, or a space was given for OpenSearch Dashboards. */
        SPACE,
        /** The server is there but reports that it is not ready. */
        NOT_READY,
        /** The import answered, but some saved objects were not imported. */
        IMPORT_ERRORS,
        /** An answer that cannot be what the product sends (a proxy's page, a login form, a truncated body). */
        UNREADABLE,
        /** Any other refusal or server error. */
        REJECTED,
        /** The index template could not be put into the engine. */
        TEMPLATE,
        /** The thread was interrupted while waiting for an answer. */
        INTERRUPTED
    }

    private final Problem problem;
    private final transient List<ImportFailure> importFailures;

    InstallException(Problem problem, String message, Throwable cause) {
        this(problem, message, cause, List.of());
    }

    InstallException(Problem problem, String message, Throwable cause, List<ImportFailure> importFailures) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.importFailures = List.copyOf(importFailures);
    }

    public Problem problem() {
        return problem;
    }

    /** For {@link Problem#IMPORT_ERRORS}: each saved object that was not imported; empty otherwise. */
    public List<ImportFailure> importFailures() {
        return importFailures == null ? List.of() : importFailures;
    }
}
