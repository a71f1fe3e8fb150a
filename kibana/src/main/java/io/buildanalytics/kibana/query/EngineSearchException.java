package io.buildanalytics.kibana.query;

/** A search that did not answer: which kind of problem, the HTTP status when there was one, and a sentence. */
public final class EngineSearchException extends RuntimeException {

    public enum Kind {
        /** No connection, no answer in time, or a broken connection. */
        UNREACHABLE,
        /** The TLS handshake failed: untrusted certificate or host name mismatch. */
        TLS,
        /** The engine answered with a non-2xx status. */
        REFUSED
    }

    private final Kind kind;
    private final int status;

    public EngineSearchException(Kind kind, int status, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when the engine did not answer. */
    public int status() {
        return status;
    }
}
