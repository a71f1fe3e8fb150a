package io.buildanalytics.jenkins.facts;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads optional plugins (git, branch-api, scm-api, junit, workflow) by class and method name, so the plugin
 * neither depends on them nor breaks when they are missing, older or newer: a missing class or method, or one
 * that throws, reads as "not known". Only public no-argument getters are ever called.
 */
final class Reflection {

    private static final Logger LOGGER = Logger.getLogger(Reflection.class.getName());

    private Reflection() {
    }

    /** Whether {@code object}'s class, a superclass or an implemented interface has this name. */
    static boolean isA(Object object, String className) {
        if (object == null) {
            return false;
        }
        return isA(object.getClass(), className);
    }

    private static boolean isA(Class<?> type, String className) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(className)) {
                return true;
            }
            for (Class<?> implemented : c.getInterfaces()) {
                if (isA(implemented, className)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The result of {@code object.getter()}, or empty when there is no such public getter or it fails. */
    static Optional<Object> call(Object object, String getter) {
        if (object == null) {
            return Optional.empty();
        }
        try {
            Method method = object.getClass().getMethod(getter);
            method.setAccessible(true);
            return Optional.ofNullable(method.invoke(object));
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOGGER.log(Level.FINE, "Could not read " + object.getClass().getName() + "." + getter + "()", e);
            return Optional.empty();
        }
    }

    static Optional<String> string(Object object, String getter) {
        return call(object, getter).map(String::valueOf).filter(s -> !s.isBlank());
    }

    static Optional<Long> number(Object object, String getter) {
        return call(object, getter).filter(Number.class::isInstance).map(n -> ((Number) n).longValue());
    }
}
