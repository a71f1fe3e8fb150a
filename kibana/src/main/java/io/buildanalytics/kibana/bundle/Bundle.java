package io.buildanalytics.kibana.bundle;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One importable saved-object file: newline-delimited JSON, one saved object per line, for one product.
 *
 * @param ndjson the file's text, each line one object, ending with a newline
 */
public record Bundle(Flavor flavor, String ndjson) {

    public Bundle {
        Objects.requireNonNull(flavor, "flavor");
        Objects.requireNonNull(ndjson, "ndjson");
    }

    public String fileName() {
        return flavor.fileName();
    }

    public byte[] bytes() {
        return ndjson.getBytes(StandardCharsets.UTF_8);
    }
}
