package io.buildanalytics.model.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Walks a dotted field path through nested JSON objects, creating them on the way. */
public final class FieldTree {

    /**
     * Paths split once: every event writes some hundred fields, and splitting each path again for every event was
     * a measurable part of the delivery thread's time. The paths are the declared fields', a fixed set.
     */
    private static final Map<String, String[]> SEGMENTS = new ConcurrentHashMap<>();

    private FieldTree() {
    }

    /**
     * Returns the object that holds the last path segment, creating the objects on the way. {@code childrenKey}
     * names the member that holds an object's children ({@code properties} in mappings and JSON Schema), or is null
     * when children sit directly inside (documents).
     */
    public static ObjectNode container(ObjectNode root, String path, String childrenKey) {
        String[] segments = SEGMENTS.computeIfAbsent(path, whole -> whole.split("\\."));
        ObjectNode current = root;
        for (int i = 0; i < segments.length - 1; i++) {
            ObjectNode next = current.has(segments[i]) ? (ObjectNode) current.get(segments[i])
                    : current.putObject(segments[i]);
            current = childrenKey == null ? next : objectChildren(next, childrenKey);
        }
        return current;
    }

    /** The name of a path's last segment: {@code result} for {@code cicd.pipeline.result}. */
    public static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** Returns the object for the last path segment, creating it and the objects on the way. */
    static ObjectNode leaf(ObjectNode root, String path, String childrenKey) {
        ObjectNode container = container(root, path, childrenKey);
        String name = lastSegment(path);
        return container.has(name) ? (ObjectNode) container.get(name) : container.putObject(name);
    }

    private static ObjectNode objectChildren(ObjectNode parent, String childrenKey) {
        return parent.has(childrenKey) ? (ObjectNode) parent.get(childrenKey) : parent.putObject(childrenKey);
    }
}
