package io.buildanalytics.shipper.backend;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.httpclient5.ResponseException;

/** {@link JsonHttp} over opensearch-java's generic client, on whichever transport the backend uses. */
final class GenericClientHttp implements JsonHttp {

    private final OpenSearchGenericClient client;

    GenericClientHttp(OpenSearchGenericClient client) {
        this.client = client;
    }

    @Override
    public HttpAnswer send(String method, String path, Map<String, String> query, byte[] body, String contentType)
            throws IOException {
        Body content = body == null ? null : Body.from(body, contentType);
        try (Response response = client.execute(Requests.create(method, path, List.of(), query, content))) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (Map.Entry<String, String> header : response.getHeaders()) {
                headers.putIfAbsent(header.getKey(), header.getValue());
            }
            byte[] bytes = response.getBody().map(Body::bodyAsBytes).orElse(new byte[0]);
            return new HttpAnswer(response.getStatus(), headers, bytes);
        } catch (OpenSearchException refused) {
            // The AWS signing transport turns a 401 or 403 into this even for the generic client.
            return answerOf(refused);
        } catch (IOException e) {
            ResponseException refused = refusal(e);
            if (refused == null) {
                throw e;
            }
            return answerOf(refused);
        }
    }

    /**
     * The Apache HttpClient 5 transport hands the generic client 400, 401, 403, 404 and 405 as answers but throws
     * every other non-2xx (413, 429, 5xx) as a {@link ResponseException}; the answer inside is what callers want.
     */
    private static ResponseException refusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ResponseException refused) {
                return refused;
            }
        }
        return null;
    }

    private static HttpAnswer answerOf(OpenSearchException refused) {
        ObjectNode body = HttpAnswer.JSON.createObjectNode();
        ObjectNode error = body.putObject("error");
        if (refused.error() != null) {
            error.put("type", refused.error().type()).put("reason", refused.error().reason());
        }
        body.put("status", refused.status());
        return new HttpAnswer(refused.status(), Map.of(), body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The answer inside the exception. Its response type is not public, so status and body come from what the
     * exception does expose: {@code status()} and a message that is the request line, a line break and the body.
     */
    private static HttpAnswer answerOf(ResponseException refused) {
        String message = refused.getMessage() == null ? "" : refused.getMessage();
        int lineBreak = message.indexOf('\n');
        String body = lineBreak < 0 ? "" : message.substring(lineBreak + 1);
        return new HttpAnswer(refused.status(), Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }
}
