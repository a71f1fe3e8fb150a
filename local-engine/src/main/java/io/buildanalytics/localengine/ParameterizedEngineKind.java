package io.buildanalytics.localengine;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.ParameterInfo;

/**
 * Finds the {@link EngineKind} argument of the current parameterized-test invocation. Kept apart from
 * {@link LocalEngineExtension} so that junit-jupiter-params is needed only when this is actually used.
 *
 * <p>{@link ParameterInfo} is marked experimental in JUnit 5.14 (and unchanged in 6.x); it is the only way
 * for an extension to see the arguments of a parameterized invocation.
 */
final class ParameterizedEngineKind {

    private ParameterizedEngineKind() {
    }

    static Optional<EngineKind> of(ExtensionContext context) {
        ParameterInfo info = ParameterInfo.get(context);
        if (info == null) {
            return Optional.empty();
        }
        List<EngineKind> kinds = info.getArguments().toList().stream()
                .filter(EngineKind.class::isInstance)
                .map(EngineKind.class::cast)
                .distinct()
                .collect(Collectors.toList());
        return kinds.size() == 1 ? Optional.of(kinds.get(0)) : Optional.empty();
    }
}
