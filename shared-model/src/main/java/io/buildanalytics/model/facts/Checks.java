package io.buildanalytics.model.facts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Construction-time validation shared by the fact records, so every message names the record and the field. */
final class Checks {

    private Checks() {
    }

    static String required(String value, String owner, String field, String meaning) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(owner + "." + field + " must not be blank (" + meaning + ")");
        }
        return value;
    }

    static <T> T required(T value, String owner, String field, String meaning) {
        if (value == null) {
            throw new IllegalArgumentException(owner + "." + field + " must not be null (" + meaning + ")");
        }
        return value;
    }

    /** Blank optional strings mean "not known"; storing them as null keeps "absent" in one form. */
    static String optional(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static long notNegative(long value, String owner, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(owner + "." + field + " must not be negative, was " + value);
        }
        return value;
    }

    static <T> List<T> listWithoutNulls(List<T> values, String owner, String field) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        List<T> copy = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            T value = values.get(i);
            if (value == null) {
                throw new IllegalArgumentException(owner + "." + field + "[" + i + "] must not be null");
            }
            copy.add(value);
        }
        return Collections.unmodifiableList(copy);
    }

    /** Keeps insertion order (the host's order) so documents built from the same facts are identical. */
    static Map<String, String> mapWithoutNulls(Map<String, String> values, String owner, String field) {
        if (values == null || values.isEmpty()) {
            return Map.of();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException(owner + "." + field + " has a blank key");
            }
            if (value == null) {
                throw new IllegalArgumentException(owner + "." + field + "[" + key + "] must not be null");
            }
            copy.put(key, value);
        });
        return Collections.unmodifiableMap(copy);
    }
}
