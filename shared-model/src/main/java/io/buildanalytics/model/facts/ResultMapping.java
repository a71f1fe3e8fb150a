package io.buildanalytics.model.facts;

import java.util.Locale;

/**
 * Maps a host's raw result to {@link PipelineResult}. Written once for every host so that "failure" means
 * the same thing on a Jenkins dashboard and on a TeamCity one.
 */
public final class ResultMapping {

    private ResultMapping() {
    }

    public static PipelineResult map(CiProvider provider, HostResult result) {
        String raw = result.raw().trim().toUpperCase(Locale.ROOT);
        return switch (provider) {
            case JENKINS -> jenkins(raw, result);
            case TEAMCITY -> teamcity(raw, result);
            case GENERIC -> generic(raw, result);
        };
    }

    private static PipelineResult jenkins(String raw, HostResult result) {
        return switch (raw) {
            case "SUCCESS" -> PipelineResult.SUCCESS;
            // Unstable means tests failed: a failed build for the team, kept apart by its original result.
            case "UNSTABLE" -> PipelineResult.FAILURE;
            case "ABORTED" -> aborted(result);
            case "NOT_BUILT" -> PipelineResult.SKIP;
            // Jenkins itself reads any unknown result word as FAILURE (Result.fromString).
            default -> failureKind(result);
        };
    }

    private static PipelineResult teamcity(String raw, HostResult result) {
        // Cancelled builds finish with status UNKNOWN or whatever the build had reached; the cancel info decides.
        if (result.has(ResultHint.CANCELED) && !result.has(ResultHint.TIMEOUT)) {
            return PipelineResult.CANCELLATION;
        }
        if (result.has(ResultHint.TIMEOUT)) {
            return PipelineResult.TIMEOUT;
        }
        return switch (raw) {
            // NORMAL is the status name, SUCCESS its text; WARNING is still a successful build in TeamCity.
            case "NORMAL", "SUCCESS", "WARNING" -> PipelineResult.SUCCESS;
            case "FAILURE" -> failureKind(result);
            case "ERROR" -> PipelineResult.ERROR;
            // UNKNOWN is where TeamCity leaves builds that never reached a verdict (mostly cancelled ones):
            // counting them as failures would inflate failure rates with builds nobody judged.
            case "UNKNOWN" -> PipelineResult.CANCELLATION;
            default -> failureKind(result);
        };
    }

    private static PipelineResult generic(String raw, HostResult result) {
        return switch (raw) {
            case "SUCCESS", "SUCCEEDED", "PASSED", "OK", "GREEN" -> PipelineResult.SUCCESS;
            case "FAILURE", "FAILED", "FAIL", "RED", "UNSTABLE" -> failureKind(result);
            case "ERROR", "ERRORED" -> PipelineResult.ERROR;
            case "TIMEOUT", "TIMED_OUT", "TIMEDOUT" -> PipelineResult.TIMEOUT;
            case "CANCELLATION", "CANCELLED", "CANCELED", "ABORTED", "STOPPED" -> PipelineResult.CANCELLATION;
            case "SKIP", "SKIPPED", "NOT_BUILT" -> PipelineResult.SKIP;
            default -> throw new IllegalArgumentException("Unknown result '" + result.raw()
                    + "': use success, failure, error, timeout, cancellation or skip");
        };
    }

    /** An abort is a cancellation unless the host says a time limit or a lost agent caused it. */
    private static PipelineResult aborted(HostResult result) {
        if (result.has(ResultHint.TIMEOUT)) {
            return PipelineResult.TIMEOUT;
        }
        return result.has(ResultHint.INFRASTRUCTURE) ? PipelineResult.ERROR : PipelineResult.CANCELLATION;
    }

    private static PipelineResult failureKind(HostResult result) {
        if (result.has(ResultHint.TIMEOUT)) {
            return PipelineResult.TIMEOUT;
        }
        return result.has(ResultHint.INFRASTRUCTURE) ? PipelineResult.ERROR : PipelineResult.FAILURE;
    }
}
