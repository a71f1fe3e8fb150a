package io.buildanalytics.model.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Walks a dotted field path through nested JSON objects, creating them on the way. */
final class FieldTree {

    private FieldTree() {
    }

    /**
     * Returns the object for the last path segment. {@code childrenKey} names the member that holds an object's
     * children ({@code properties} in mappings and JSON Schema), or is null when children sit directly inside.
     */
    static ObjectNode leaf(ObjectNode root, String path, String childrenKey) {
        String[] segments = path.split("\\.");
        ObjectNode current = root;
        for (int i = 0; i < segments.length; i++) {
            ObjectNode next = current.has(segments[i]) ? (ObjectNode) current.get(segments[i])
                    : current.putObject(segments[i]);
            if (i == segments.length - 1) {
                return next;
            }
            current = childrenKey == null ? next : objectChildren(next, childrenKey);
        }
        throw new IllegalArgumentException("Empty field path");
    }

    private static ObjectNode objectChildren(ObjectNode parent, String childrenKey) {
        return parent.has(childrenKey) ? (ObjectNode) parent.get(childrenKey) : parent.putObject(childrenKey);
    }
}
