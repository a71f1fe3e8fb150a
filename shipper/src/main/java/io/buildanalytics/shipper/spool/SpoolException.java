package io.buildanalytics.shipper.spool;

/** The spool could not store or remove a record; the message says why in words an admin can act on. */
public final class SpoolException extends Exception {
    public SpoolException(String message, Throwable cause) {
        super(message, cause);
    }

    public SpoolException(String message) {
        super(message);
    }
}
