package io.buildanalytics.cli;

/**
 * What the command's exit status means, so a script calling it can tell "fix the flags" from "the engine is down"
 * from "the event is queued and will go later". Listed under every command's --help.
 */
public final class ExitCode {

    public static final int OK = 0;
    /** Anything not listed below; the message says what. */
    public static final int FAILED = 1;
    /** A flag or argument is missing, unknown or malformed. */
    public static final int USAGE = 2;
    /** Nothing answered, or not in time, or the TLS handshake failed. */
    public static final int UNREACHABLE = 3;
    /** The server answered 401 or 403: wrong credentials or a missing privilege. */
    public static final int REFUSED = 4;
    /** The server is not the product or version the command expected. */
    public static final int INCOMPATIBLE = 5;
    /** The build described to `ship` is not valid; nothing was queued. */
    public static final int INVALID_EVENT = 6;
    /** `ship` queued the event but could not deliver it yet; the next run of `ship` delivers it. */
    public static final int QUEUED = 7;


    private ExitCode() {
    }
}
