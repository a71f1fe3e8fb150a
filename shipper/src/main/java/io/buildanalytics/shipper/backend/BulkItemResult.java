package io.buildanalytics.shipper.backend;

/**
 * What the engine said about one item of a bulk request.
 *
 * @param status     the item's HTTP status (200/201 when indexed)
 * @param errorType  the engine's error type, e.g. {@code document_parsing_exception}, or null on success
 * @param reason     the engine's reason sentence, or null on success
 */
public record BulkItemResult(int status, String errorType, String reason) {

    public static BulkItemResult indexed(int status) {
        return new BulkItemResult(status, null, null);
    }

    public boolean succeeded() {
        return status >= 200 && status < 300;
    }

    /** Worth sending again: the engine was busy (429) or broken (5xx), not the document. */
    public boolean retryable() {
        return status == 429 || status >= 500;
    }

    /** The document itself was refused (mapping conflict, malformed): sending it again cannot help. */
    public boolean permanentlyRejected() {
        return !succeeded() && !retryable();
    }
}
