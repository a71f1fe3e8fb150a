package io.buildanalytics.shipper.backend;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.transport.TransportException;
import co.elastic.clients.transport.http.TransportHttpClient;
import java.io.IOException;

/**
 * Translates what elasticsearch-java throws for a typed request into a {@link BackendException}. The client
 * reports a refusal three ways: an {@link ElasticsearchException} for an error body it understands, a
 * {@link TransportException} for one it does not (or for a 200 without the product header), and the low-level
 * client's {@code ResponseException} for statuses it leaves alone (413, 429, 5xx).
 */
final class ElasticsearchRefusals {

    private static final String PRODUCT_HEADER = "X-Elastic-Product";
    private static final String PRODUCT = "Elasticsearch";

    private final Failures failures;

    ElasticsearchRefusals(Failures failures) {
        this.failures = failures;
    }

    BackendException of(ElasticsearchException e, String action) {
        return refused(e.status(), detail(e.error()), productHeader(e.httpResponse()), action);
    }

    BackendException of(TransportException e, String action) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains(PRODUCT_HEADER)) {
            // elasticsearch-java refuses any 200 answer without the product header: OpenSearch, or something else.
            return failures.wrongProduct("a server that does not identify itself as Elasticsearch"
                    + " (no X-Elastic-Product header)");
        }
        int status = e.statusCode();
        if (status >= 300) {
            return refused(status, "", productHeader(e.response()), action);
        }
        return failures.io(e, action);
    }

    BackendException of(IOException e, String action) {
        HttpAnswer answer;
        try {
            answer = RestClientHttp.answerInside(e);
        } catch (IOException unreadable) {
            answer = null;
        }
        return answer == null ? failures.io(e, action)
                : refused(answer.status(), answer.errorDetail(), answer.header(PRODUCT_HEADER), action);
    }

    /**
     * Elasticsearch marks every answer with its product header; a plain refusal without it comes from something
     * else, typically OpenSearch turning down elasticsearch-java's {@code compatible-with=8} media type (406).
     * Credential, size and rate refusals are left to their own classes: a proxy in front may send those itself.
     */
    private BackendException refused(int status, String detail, String productHeader, String action) {
        boolean plainRefusal = status >= 400 && status < 500 && status != 401 && status != 403 && status != 407
                && status != 413 && status != 429;
        if (plainRefusal && !PRODUCT.equals(productHeader)) {
            return failures.wrongProduct("a server that does not identify itself as Elasticsearch (it refused the"
                    + " request with HTTP " + status + " and no X-Elastic-Product header"
                    + (detail.isEmpty() ? "" : ": " + detail) + ")");
        }
        return failures.status(status, action, detail);
    }

    private static String productHeader(TransportHttpClient.Response response) {
        // Without the answer at hand nothing speaks against Elasticsearch.
        return response == null ? PRODUCT : response.header(PRODUCT_HEADER);
    }

    private static String detail(ErrorCause error) {
        if (error == null) {
            return "";
        }
        String type = error.type() == null ? "" : error.type();
        String reason = error.reason() == null ? "" : error.reason();
        return type.isEmpty() ? reason : reason.isEmpty() ? type : type + ": " + reason;
    }
}
