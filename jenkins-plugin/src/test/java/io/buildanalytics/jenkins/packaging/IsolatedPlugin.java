package io.buildanalytics.jenkins.packaging;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * The inner jar in a class loader of its own, as Jenkins' plugin class loader holds it: over that one jar, with a
 * parent that offers only the JDK and the two logging APIs Jenkins core gives every plugin (slf4j-api, and
 * commons-logging, which core provides through jcl-over-slf4j). Nothing of the test class path leaks in, so every
 * library class must come from the relocated copies in the jar. Calls go through reflection.
 */
final class IsolatedPlugin implements AutoCloseable {

    final Path jar;
    final URLClassLoader coreApis;
    final URLClassLoader loader;

    IsolatedPlugin(Path jar) throws IOException {
        this.jar = jar;
        this.coreApis = new URLClassLoader("jenkins-core-apis",
                new URL[] {locationOf("org.slf4j.LoggerFactory"), locationOf("org.apache.commons.logging.LogFactory")},
                JDK_ONLY);
        this.loader = new URLClassLoader("build-analytics-plugin", new URL[] {jar.toUri().toURL()}, coreApis);
    }

    /**
     * The whole JDK and nothing else. Not just the platform class loader: the JDK defines some of its modules to the
     * application class loader (jdk.random, jdk.httpserver, ...), and Jenkins' loaders all reach it. This loader's
     * parent is that loader, so ServiceLoader still finds the JDK's own providers, but only classes of the JDK's
     * modules are handed out, and no class-path resource (no test class, no unshaded library, no service file).
     */
    static final ClassLoader JDK_ONLY = new JdkOnly();

    private static final class JdkOnly extends ClassLoader {

        private static final java.util.Set<String> PACKAGES = ModuleLayer.boot().modules().stream()
                .flatMap(module -> module.getPackages().stream())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());

        static {
            registerAsParallelCapable();
        }

        JdkOnly() {
            super("jdk-only", ClassLoader.getSystemClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            int dot = name.lastIndexOf('.');
            if (dot < 0 || !PACKAGES.contains(name.substring(0, dot))) {
                throw new ClassNotFoundException(name + " (not a JDK class)");
            }
            return super.loadClass(name, resolve);
        }

        @Override
        public URL getResource(String name) {
            return ClassLoader.getPlatformClassLoader().getResource(name);
        }

        @Override
        public java.util.Enumeration<URL> getResources(String name) throws IOException {
            return ClassLoader.getPlatformClassLoader().getResources(name);
        }
    }

    /** The jar that holds a class on the test class path (to hand the same API jar to the isolated parent). */
    private static URL locationOf(String className) throws IOException {
        try {
            Class<?> type = Class.forName(className, false, IsolatedPlugin.class.getClassLoader());
            return type.getProtectionDomain().getCodeSource().getLocation().toURI().toURL();
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IOException("Cannot find the jar of " + className + " on the test class path", e);
        }
    }

    Class<?> type(String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(name + " is not loadable from the inner jar", e);
        }
    }

    boolean canLoad(String name) {
        try {
            Class.forName(name, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    Object enumConstant(String type, String name) {
        for (Object constant : type(type).getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(name)) {
                return constant;
            }
        }
        throw new AssertionError(type + " has no constant " + name);
    }

    Object newInstance(String type, Object... args) {
        Constructor<?> constructor = (Constructor<?>) pick(type(type).getConstructors(), "<init>", args);
        return invoke(() -> constructor.newInstance(args));
    }

    Object callStatic(String type, String method, Object... args) {
        Method m = (Method) pick(type(type).getMethods(), method, args);
        if (!Modifier.isStatic(m.getModifiers())) {
            throw new AssertionError(type + "." + method + " is not static");
        }
        return invoke(() -> m.invoke(null, args));
    }

    static Object call(Object target, String method, Object... args) {
        Method m = (Method) pick(target.getClass().getMethods(), method, args);
        return invoke(() -> m.invoke(target, args));
    }

    /** Runs the action with this plugin's loader as the thread's context class loader, as Jenkins' might be. */
    <T> T withContextLoader(ClassLoader contextLoader, Callable<T> action) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(contextLoader);
        try {
            return action.call();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private static Executable pick(Executable[] candidates, String name, Object[] args) {
        for (Executable candidate : candidates) {
            String candidateName = candidate instanceof Constructor ? "<init>" : candidate.getName();
            if (candidateName.equals(name) && candidate.getParameterCount() == args.length
                    && accepts(candidate.getParameterTypes(), args)) {
                return candidate;
            }
        }
        throw new AssertionError("No public " + name + " taking " + Arrays.toString(args) + " among "
                + Arrays.toString(candidates));
    }

    private static boolean accepts(Class<?>[] types, Object[] args) {
        for (int i = 0; i < types.length; i++) {
            Class<?> type = types[i].isPrimitive() ? boxed(types[i]) : types[i];
            if (args[i] == null ? types[i].isPrimitive() : !type.isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> boxed(Class<?> primitive) {
        return switch (primitive.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "boolean" -> Boolean.class;
            case "double" -> Double.class;
            default -> throw new IllegalArgumentException(primitive.getName());
        };
    }

    private static Object invoke(Callable<Object> call) {
        try {
            return call.call();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        loader.close();
        coreApis.close();
    }
}
