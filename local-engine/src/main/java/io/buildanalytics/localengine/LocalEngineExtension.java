package io.buildanalytics.localengine;

import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 access to local engines: one node per kind for the whole test JVM, started lazily and stopped
 * when the test run ends.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final LocalEngineExtension engines = new LocalEngineExtension();
 *
 * @Test
 * void indexes() {
 *     LocalEngine engine = engines.get(EngineKind.OPENSEARCH);
 *     ...
 * }
 *
 * @ParameterizedTest
 * @EnumSource(EngineKind.class)
 * void indexesOnBoth(EngineKind kind, LocalEngine engine) { ... }
 * }</pre>
 *
 * <p>The nodes are shared by every test class of the run, so tests must not depend on an empty engine:
 * use index names of their own. A {@link LocalEngine} parameter is resolved from the invocation's single
 * {@link EngineKind} argument.
 */
public final class LocalEngineExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalEngineExtension.class);

    /** The shared node of this kind, started on first request. */
    public LocalEngine get(EngineKind kind) {
        return SharedEngines.get(kind);
    }

    /**
     * Ties the nodes' lifetime to the root context: JUnit closes the AutoCloseable stored there when the
     * whole run ends, after the last test class. (Shutdown hooks cover runs that end otherwise.)
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(StopAtEndOfRun.class, key -> new StopAtEndOfRun(), StopAtEndOfRun.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == LocalEngine.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        beforeAll(extensionContext);
        EngineKind kind = parameterizedKind(extensionContext).orElseThrow(() -> new ParameterResolutionException(
                "Cannot tell which engine to inject into " + parameterContext.getDeclaringExecutable()
                        + ": a LocalEngine parameter needs a parameterized test with exactly one EngineKind argument,"
                        + " e.g. @ParameterizedTest @EnumSource(EngineKind.class). Elsewhere call get(EngineKind)."));
        return get(kind);
    }

    private static Optional<EngineKind> parameterizedKind(ExtensionContext context) {
        try {
            return ParameterizedEngineKind.of(context);
        } catch (NoClassDefFoundError e) {
            // junit-jupiter-params is not on the class path, so this cannot be a parameterized test.
            return Optional.empty();
        }
    }

    private static final class StopAtEndOfRun implements AutoCloseable {
        @Override
        public void close() {
            SharedEngines.closeAll();
        }
    }
}
