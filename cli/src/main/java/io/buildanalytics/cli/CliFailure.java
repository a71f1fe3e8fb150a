package io.buildanalytics.cli;

/**
 * A failure the user can act on: one sentence for the terminal and the exit code it maps to. Commands throw it
 * instead of printing stack traces; {@link BuildAnalytics} prints the sentence and exits with the code.
 */
public final class CliFailure extends RuntimeException {

    private final int exitCode;

    public CliFailure(int exitCode, String sentence) {
        this(exitCode, sentence, null);
    }

    public CliFailure(int exitCode, String sentence, Throwable cause) {
        super(sentence, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
