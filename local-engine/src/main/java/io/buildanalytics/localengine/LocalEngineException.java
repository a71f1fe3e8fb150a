package io.buildanalytics.localengine;

/** Thrown when a search engine cannot be found, prepared, started or reached. */
public class LocalEngineException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LocalEngineException(String message) {
        super(message);
    }

    public LocalEngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
