package io.buildanalytics.model.facts;

import java.util.EnumSet;
import java.util.Set;

/**
 * The result exactly as the host said it, plus hints about why the run ended.
 *
 * @param raw   Jenkins {@code Result.toString()} (SUCCESS, UNSTABLE, FAILURE, ABORTED, NOT_BUILT), TeamCity
 *              {@code Status} name (NORMAL, WARNING, FAILURE, ERROR, UNKNOWN), or an OpenTelemetry result word
 * @param hints what else the host knows about the end of the run
 */
public record HostResult(String raw, Set<ResultHint> hints) {

    public HostResult {
        Checks.required(raw, "HostResult", "raw", "the result word the host reported");
        hints = hints == null || hints.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(hints));
    }

    public static HostResult of(String raw, ResultHint... hints) {
        return new HostResult(raw, hints.length == 0 ? Set.of() : EnumSet.of(hints[0], hints));
    }

    public boolean has(ResultHint hint) {
        return hints.contains(hint);
    }
}
