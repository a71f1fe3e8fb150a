package io.buildanalytics.model.event;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildanalytics.model.schema.Field;
import io.buildanalytics.model.schema.FieldTree;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes values into a nested JSON document only through declared {@link Field}s, applying each field's bounds.
 * Null values are left out, so "absent" has one form.
 */
final class DocumentWriter {

    private final ObjectNode root = JsonNodeFactory.instance.objectNode();

    ObjectNode document() {
        return root;
    }

    void put(Field.Keyword field, String value) {
        String clean = Text.clean(value, field.maxLength());
        if (clean == null) {
            return;
        }
        if (!field.allowedValues().isEmpty() && !field.allowedValues().contains(clean)) {
            throw new IllegalStateException(field.path() + " does not allow '" + clean + "'");
        }
        parentOf(field).put(leafName(field), clean);
    }

    void put(Field.Number field, Long value) {
        if (value != null) {
            parentOf(field).put(leafName(field), value);
        }
    }

    void put(Field.Number field, Duration value) {
        if (value != null) {
            put(field, nanos(value));
        }
    }

    void put(Field.Date field, Instant value) {
        if (value != null) {
            parentOf(field).put(leafName(field), value.truncatedTo(ChronoUnit.MILLIS).toString());
        }
    }

    void put(Field.Bool field, Boolean value) {
        if (value != null) {
            parentOf(field).put(leafName(field), value);
        }
    }

    void put(Field.NumberArray field, List<Long> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        if (values.size() > field.maxItems()) {
            throw new IllegalStateException(field.path() + " takes at most " + field.maxItems() + " values");
        }
        ArrayNode array = parentOf(field).putArray(leafName(field));
        values.forEach(array::add);
    }

    void put(Field.KeywordArray field, List<String> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        ArrayNode array = null;
        for (String value : values) {
            String clean = Text.clean(value, field.maxLength());
            if (clean == null) {
                continue;
            }
            if (array == null) {
                array = parentOf(field).putArray(leafName(field));
            }
            array.add(clean);
            if (array.size() == field.maxItems()) {
                break;
            }
        }
    }

    /**
     * Keys are made field-name safe and sorted, so equal facts give byte-equal documents; the first
     * {@code maxEntries} keys in that order are kept. A key that had to be cut, or that would collide with another
     * after its unsafe characters became '_', gets a short hash of its original spelling so no value is lost.
     */
    void put(Field.KeywordMap field, Map<String, String> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        Map<String, String> safe = new TreeMap<>();
        values.forEach((key, value) -> {
            String safeValue = Text.clean(value, field.maxValueLength());
            if (safeValue == null) {
                return;
            }
            String safeKey = safeKey(key, field.maxKeyLength());
            if (safe.containsKey(safeKey)) {
                safeKey = hashedKey(safeKey, key, field.maxKeyLength());
            }
            safe.putIfAbsent(safeKey, safeValue);
        });
        if (safe.isEmpty()) {
            return;
        }
        ObjectNode object = parentOf(field).putObject(leafName(field));
        for (Map.Entry<String, String> entry : safe.entrySet()) {
            if (object.size() == field.maxEntries()) {
                break;
            }
            object.put(entry.getKey(), entry.getValue());
        }
    }

    /** Nanoseconds, clamped at zero: clock skew between controller and agent must not give negative durations. */
    static long nanos(Duration duration) {
        if (duration.isNegative()) {
            return 0;
        }
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    static String safeKey(String key, int maxLength) {
        String replaced = key.strip().replaceAll("[^A-Za-z0-9_-]", "_");
        if (replaced.isEmpty()) {
            replaced = "_";
        }
        return replaced.length() <= maxLength ? replaced : hashedKey(replaced, key, maxLength);
    }

    private static String hashedKey(String safeKey, String originalKey, int maxLength) {
        String hash = String.format("%08x", originalKey.hashCode());
        return safeKey.substring(0, Math.min(safeKey.length(), maxLength - hash.length() - 1)) + "_" + hash;
    }

    private ObjectNode parentOf(Field field) {
        return FieldTree.container(root, field.path(), null);
    }

    private static String leafName(Field field) {
        return FieldTree.lastSegment(field.path());
    }
}
