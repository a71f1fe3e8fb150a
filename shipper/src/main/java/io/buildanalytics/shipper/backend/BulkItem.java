package io.buildanalytics.shipper.backend;

import java.util.Objects;

/** One document to index (create or overwrite) under a known id. {@code json} is the complete document. */
public record BulkItem(String index, String id, String json) {
    public BulkItem {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(json, "json");
    }
}
