package io.buildanalytics.cli.engine;

import io.buildanalytics.cli.CliFailure;
import io.buildanalytics.cli.ExitCode;
import io.buildanalytics.kibana.query.EngineSearchException;

/** Turns a failed search into the one sentence and exit code the command line reports. */
public final class EngineFailures {

    private EngineFailures() {
    }

    public static CliFailure of(EngineSearchException error, String index) {
        return switch (error.kind()) {
            case UNREACHABLE, TLS -> new CliFailure(ExitCode.UNREACHABLE, error.getMessage(), error);
            case REFUSED -> refused(error, index);
        };
    }

    private static CliFailure refused(EngineSearchException error, String index) {
        if (error.status() == 401) {
            return new CliFailure(ExitCode.REFUSED, "The engine refused the credentials (HTTP 401): check --user and "
                    + "the password, or the API key.", error);
        }
        if (error.status() == 403) {
            return new CliFailure(ExitCode.REFUSED, "The credentials lack the 'read' privilege on " + index
                    + " (HTTP 403).", error);
        }
        return new CliFailure(ExitCode.FAILED, error.getMessage(), error);
    }
}
